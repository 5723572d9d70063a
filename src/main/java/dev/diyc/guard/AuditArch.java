package dev.diyc.guard;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The architectures a workshop VM runs on, as seccomp sees them: the AUDIT_ARCH value in
 * seccomp_data.arch, and the numbers of the syscalls the guard names. A number means a syscall only
 * together with an architecture (kill is 62 on x86_64 and 129 on aarch64), which is why every
 * filter checks the architecture first.
 */
public enum AuditArch {
    X86_64("AUDIT_ARCH_X86_64", 0xc000003e, true, new Object[] {
        "kill", 62, "tkill", 200, "tgkill", 234, "rt_sigqueueinfo", 129, "rt_tgsigqueueinfo", 297,
        "sethostname", 170, "setdomainname", 171, "mount", 165, "umount2", 166, "pivot_root", 155, "setns", 308,
        // for filters a learner writes (seccomp --deny): x86_64 keeps the old mkdir and rmdir beside the *at calls
        "mkdir", 83, "rmdir", 84, "mkdirat", 258, "unlinkat", 263, "unshare", 272, "chroot", 161, "reboot", 169,
    }),
    AARCH64("AUDIT_ARCH_AARCH64", 0xc00000b7, false, new Object[] {
        "kill", 129, "tkill", 130, "tgkill", 131, "rt_sigqueueinfo", 138, "rt_tgsigqueueinfo", 240,
        "sethostname", 161, "setdomainname", 162, "mount", 40, "umount2", 39, "pivot_root", 41, "setns", 268,
        "mkdirat", 34, "unlinkat", 35, "unshare", 97, "chroot", 51, "reboot", 142,
    });

    /** Syscalls added since Linux 5.1 have one number on every architecture (a holder: enum constructors see no statics). */
    private static final class Common {
        static final Object[] TABLE = {"pidfd_send_signal", 424, "open_tree", 428, "move_mount", 429,
        "fsopen", 430, "fsconfig", 431, "fsmount", 432, "fspick", 433, "pidfd_open", 434, "mount_setattr", 442,
        "open_tree_attr", 467};
    }

    /** On x86_64, syscall numbers with this bit set are the x32 ABI: the same kernel, other numbers. */
    static final int X32_SYSCALL_BIT = 0x40000000;

    private final String auditName;
    private final int audit;
    private final boolean hasX32;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();

    AuditArch(String auditName, int audit, boolean hasX32, Object[] table) {
        this.auditName = auditName;
        this.audit = audit;
        this.hasX32 = hasX32;
        add(table);
        add(Common.TABLE);
    }

    private void add(Object[] table) {
        for (int i = 0; i < table.length; i += 2) {
            numbers.put((String) table[i], (Integer) table[i + 1]);
            names.put((Integer) table[i + 1], (String) table[i]);
        }
    }

    /** The architecture this JVM runs on. */
    public static AuditArch current() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> X86_64;
            case "aarch64", "arm64" -> AARCH64;
            default -> throw new UnsupportedOperationException("diyc's guard knows no syscall numbers for " + System.getProperty("os.arch"));
        };
    }

    /** The architecture whose AUDIT_ARCH value this is, or null. */
    static AuditArch byAudit(int value) {
        for (AuditArch a : values()) {
            if (a.audit == value) {
                return a;
            }
        }
        return null;
    }

    public String auditName() {
        return auditName;
    }

    int audit() {
        return audit;
    }

    boolean hasX32() {
        return hasX32;
    }

    /** Whether this architecture has a syscall of that name among those diyc knows. */
    public boolean knows(String syscall) {
        return numbers.containsKey(syscall);
    }

    /** The syscall names diyc knows on this architecture, sorted. */
    public SortedSet<String> known() {
        return new TreeSet<>(numbers.keySet());
    }

    int number(String syscall) {
        Integer n = numbers.get(syscall);
        if (n == null) {
            throw new IllegalArgumentException("no number for " + syscall + " on " + this);
        }
        return n;
    }

    /** The syscall's name, or null when the guard never names it. */
    String name(int number) {
        return names.get(number);
    }
}
