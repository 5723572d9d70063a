package dev.diyc.guard;

import dev.diyc.sys.Capabilities;
import dev.diyc.sys.Errno;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The guard for a context, as a pure function of the namespaces it still shares with the host: a
 * seccomp program that refuses, with EPERM, the calls that would change what is shared, and the
 * capabilities to take away where seccomp cannot see enough. Reading is never refused, and files
 * are not namespaced state: they stay writable (see the gaps named per namespace below).
 */
public final class GuardPolicy {
    /** open_tree's flag that copies a mount tree (a mount of its own, made detached) instead of opening a path. */
    static final int OPEN_TREE_CLONE = 1;
    /** The sign bit of a 32-bit pid_t: a negative pid names a process group, -1 every process. */
    private static final int NEGATIVE = 0x80000000;
    private static final int DENY = Bpf.RET_ERRNO | Errno.EPERM;

    private GuardPolicy() {}

    public static Guard forShared(Set<HostNamespace> shared) {
        return forShared(shared, AuditArch.current());
    }

    public static Guard forShared(Set<HostNamespace> shared, AuditArch arch) {
        return build(shared, arch, Set.of(), true);
    }

    /**
     * The guard of a context's programs: as {@link #forShared(Set)}, and while the PID namespace is
     * shared, no signal to {@code protectedPids} either (diyc itself, its lifeline): {@code kill $PPID}
     * from a ctr shell names diyc, and a host PID means the same process inside as out.
     */
    public static Guard forContext(Set<HostNamespace> shared, Set<Integer> protectedPids) {
        return build(shared, AuditArch.current(), protectedPids, true);
    }

    /**
     * The guard of nsenter, started from the host's user namespace to enter a context's own user namespace
     * and the rest: it must setns into them itself, so setns is left to the kernel, which refuses a process
     * inside a user namespace of its own any setns into the host's (CAP_SYS_ADMIN over the host's user
     * namespace is needed, and nobody in a child user namespace has it).
     */
    public static Guard forNsenter(Set<HostNamespace> shared, Set<Integer> protectedPids) {
        if (shared.contains(HostNamespace.USER)) {
            throw new IllegalArgumentException("nsenter is guarded this way only into a user namespace of the context's own");
        }
        return build(shared, AuditArch.current(), protectedPids, false);
    }

    private static Guard build(Set<HostNamespace> shared, AuditArch arch, Set<Integer> protectedPids, boolean guardSetns) {
        Rules r = new Rules(arch, protectedPids);
        // Foreign architectures and x32 (sethostname is 0x40000000+170 there) are refused whole.
        r.a.nativeSyscallsOf(arch, "kill");
        if (shared.contains(HostNamespace.UTS)) {
            // The only two calls that change a UTS namespace. Gap: writing /proc/sys/kernel/hostname
            // (or domainname) is a file write that seccomp cannot see; it renames the host all the same.
            r.deny("sethostname", "setdomainname");
        }
        if (shared.contains(HostNamespace.MOUNT)) {
            // Every call that attaches, detaches, moves or reconfigures a mount. fsopen and fsconfig make
            // nothing visible on their own, but fsopen is where the new mount API starts (refusing it there
            // gives the clearest error), fspick reopens a mounted superblock for reconfiguring (a remount of
            // the host's / read-only), and fsconfig is refused too in case a context fd arrives from
            // elsewhere (a unix socket). open_tree without OPEN_TREE_CLONE only opens a path: a read.
            // Gap: what is under a mount stays writable (files), and umount(2) exists on neither architecture.
            r.deny("mount", "umount2", "pivot_root", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr");
            r.denyWhenFlag("open_tree", 2, OPEN_TREE_CLONE);
            r.denyWhenFlag("open_tree_attr", 2, OPEN_TREE_CLONE);
        }
        if (shared.contains(HostNamespace.PID)) {
            // Seccomp sees a number, not whose process it is: it can refuse PID 1 (the host's init) and
            // every negative target (-1 is every process on the machine, -PGID a host process group), and
            // lets 0 (the caller's own group) and every other PID through, but for the protected ones
            // (forContext: diyc's own PID, kill $PPID, and its lifeline's). Gap: a signal to another host
            // PID by number (kill 4242, or one of diyc's thread IDs, which kill(2) also accepts) is
            // delivered; only a PID namespace hides those. pidfd_send_signal names its target by fd, which /proc/1 also is: refused whole.
            r.denyPidTarget("kill", 0);
            r.denyPidTarget("tkill", 0);
            r.denyPidTarget("tgkill", 0);
            r.denyPidTarget("rt_sigqueueinfo", 0);
            r.denyPidTarget("rt_tgsigqueueinfo", 0);
            r.denyPidTarget("pidfd_open", 0);
            r.deny("pidfd_send_signal");
        }
        // setns back into the host's namespaces (through /proc/1/ns/*, visible while /proc is the host's)
        // would undo every unshare with the guard still chosen for the unshared ones: refuse setns into a
        // type the context no longer shares, and nstype 0 ("any type"), whose target seccomp cannot see.
        if (guardSetns) {
            r.denySetns(unsharedFlags(shared));
        }
        r.a.ret(Bpf.RET_ALLOW).label("deny").ret(DENY).label("kill").ret(Bpf.RET_KILL_PROCESS);
        // The network is changed through netlink messages and ioctls whose content seccomp cannot read;
        // the kernel itself asks for CAP_NET_ADMIN before RTM_NEWLINK, RTM_NEWADDR, RTM_NEWROUTE,
        // SIOCSIF*, iptables and nftables, and for none of the RTM_GET* that ip link, addr and route send.
        long dropped = shared.contains(HostNamespace.NET) ? Capabilities.bit(Capabilities.CAP_NET_ADMIN) : 0;
        return new Guard(shared, arch, r.a.assemble(), dropped);
    }

    private static long unsharedFlags(Set<HostNamespace> shared) {
        long flags = 0;
        for (HostNamespace n : HostNamespace.values()) {
            if (!shared.contains(n)) {
                flags |= n.cloneFlag();
            }
        }
        return flags;
    }

    /** Rules in the order written, each starting with A holding the syscall number. */
    private static final class Rules {
        final BpfAssembler a = new BpfAssembler();
        final AuditArch arch;
        final Set<Integer> protectedPids;

        Rules(AuditArch arch, Set<Integer> protectedPids) {
            this.arch = arch;
            this.protectedPids = new TreeSet<>(protectedPids);
        }

        void deny(String... syscalls) {
            for (String s : List.of(syscalls)) {
                a.jump(Bpf.JEQ_K, arch.number(s), "deny", null);
            }
        }

        /** A pid_t argument of 1 or below 0, its low 32 bits being all the kernel reads. */
        void denyPidTarget(String syscall, int arg) {
            a.jump(Bpf.JEQ_K, arch.number(syscall), null, "not_" + syscall).load(Bpf.argLow(arg))
                    .jump(Bpf.JEQ_K, 1, "deny", null);
            for (int pid : protectedPids) {
                a.jump(Bpf.JEQ_K, pid, "deny", null);
            }
            a.jump(Bpf.JSET_K, NEGATIVE, "deny", null).ret(Bpf.RET_ALLOW).label("not_" + syscall);
        }

        void denyWhenFlag(String syscall, int arg, int flag) {
            a.jump(Bpf.JEQ_K, arch.number(syscall), null, "not_" + syscall).load(Bpf.argLow(arg))
                    .jump(Bpf.JSET_K, flag, "deny", null).ret(Bpf.RET_ALLOW).label("not_" + syscall);
        }

        void denySetns(long unshared) {
            a.jump(Bpf.JEQ_K, arch.number("setns"), null, "not_setns").load(Bpf.argLow(1)).jump(Bpf.JEQ_K, 0, "deny", null);
            if (unshared != 0) {
                a.jump(Bpf.JSET_K, (int) unshared, "deny", null);
            }
            a.ret(Bpf.RET_ALLOW).label("not_setns");
        }
    }
}
