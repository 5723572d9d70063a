package dev.diyc.sys;

import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Calls that restrict the calling thread and every program it starts afterwards, for good: no new
 * privileges, fewer capabilities, a seccomp filter. Each acts on the calling thread only (none
 * uses SECCOMP_FILTER_FLAG_TSYNC, and capset and PR_CAPBSET_DROP are per-thread), so they belong
 * on a thread that exists only to spawn, never on a context's thread or any other of diyc's.
 */
public final class Restrict {
    private static final int PR_CAPBSET_DROP = 24, PR_SET_NO_NEW_PRIVS = 38;
    private static final int SECCOMP_SET_MODE_FILTER = 1;
    private static final int LINUX_CAPABILITY_VERSION_3 = 0x20080522;

    private Restrict() {}

    private static LibC c() {
        return Native.libc();
    }

    /**
     * Execve can no longer grant privileges (setuid bits, file capabilities): what this thread may not
     * do, no program it starts may do either. Without it, seccomp(2) demands CAP_SYS_ADMIN, which a
     * context that ran {@code su} no longer has.
     */
    public static void noNewPrivs(String note) {
        Syscalls.check("prctl", c().prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), note, "PR_SET_NO_NEW_PRIVS", "1", "0", "0", "0");
    }

    /**
     * Takes capabilities away from the calling thread and from anything it execs. For root, execve
     * gives permitted = inheritable | bounding, so both must lose them; capset lowers effective,
     * permitted and inheritable, and the kernel clears the same bits from the ambient set with them
     * (ambient must stay within permitted and inheritable). The bounding set can only be lowered with
     * CAP_SETPCAP; a thread without it is no longer root, and no new privileges keeps a setuid
     * program from regaining what it lacks.
     */
    public static void dropCapabilities(long caps, String note) {
        long[] sets = capget();
        if ((sets[0] & Capabilities.bit(Capabilities.CAP_SETPCAP)) != 0) {
            for (int cap = 0; cap < 64; cap++) {
                if ((caps & Capabilities.bit(cap)) != 0) {
                    Syscalls.check("prctl", c().prctl(PR_CAPBSET_DROP, cap, 0, 0, 0), note, "PR_CAPBSET_DROP", Capabilities.name(cap));
                }
            }
        }
        long effective = sets[0] & ~caps, permitted = sets[1] & ~caps, inheritable = sets[2] & ~caps;
        int[] header = {LINUX_CAPABILITY_VERSION_3, 0};
        int[] data = {(int) effective, (int) permitted, (int) inheritable,
                (int) (effective >>> 32), (int) (permitted >>> 32), (int) (inheritable >>> 32)};
        Syscalls.check("capset", c().capset(header, data), note, "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}",
                "{effective=" + Capabilities.format(effective) + ", permitted=" + Capabilities.format(permitted)
                        + ", inheritable=" + Capabilities.format(inheritable) + "}");
    }

    /** The calling thread's effective, permitted and inheritable sets. Not recorded: reading is not changing. */
    public static long[] capget() {
        int[] header = {LINUX_CAPABILITY_VERSION_3, 0};
        int[] data = new int[6];
        if (c().capget(header, data) < 0) {
            throw new SyscallException(new Call("capget", List.of("{version=_LINUX_CAPABILITY_VERSION_3, pid=0}", "..."),
                    -1, Native.errno(), null));
        }
        long[] sets = new long[3];
        for (int i = 0; i < 3; i++) {
            sets[i] = (data[i] & 0xffffffffL) | ((data[i + 3] & 0xffffffffL) << 32);
        }
        return sets;
    }

    /**
     * Puts a classic-BPF program (struct sock_filter[], 8 bytes each) on the calling thread. It is
     * run on every syscall the thread and its future children make, and can never be taken off.
     */
    public static void seccompFilter(byte[] program, String note) {
        if (program.length == 0 || program.length % 8 != 0) {
            throw new IllegalArgumentException("a seccomp program is a whole number of 8-byte instructions");
        }
        Runtime rt = Native.runtime();
        Pointer filter = Memory.allocateDirect(rt, program.length);
        filter.put(0, program, 0, program.length);
        Pointer fprog = Memory.allocateDirect(rt, 16, true); // struct sock_fprog: unsigned short len; filter pointer at 8
        fprog.putShort(0, (short) (program.length / 8));
        fprog.putAddress(8, filter.address());
        Syscalls.check("seccomp", c().syscall(Arch.SYS_SECCOMP, SECCOMP_SET_MODE_FILTER, 0, fprog), note,
                "SECCOMP_SET_MODE_FILTER", "0", "{len=" + program.length / 8 + ", filter=0x" + Long.toHexString(filter.address()) + "}");
    }
}
