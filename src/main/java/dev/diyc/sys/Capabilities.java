package dev.diyc.sys;

import java.util.Locale;

/**
 * Capability numbers and the strace spelling of a capability set: {@code ~(1<<CAP_NET_ADMIN)} for
 * "all but CAP_NET_ADMIN", {@code 1<<CAP_CHOWN|1<<CAP_KILL} for a few.
 */
public final class Capabilities {
    public static final int CAP_SETPCAP = 8, CAP_NET_ADMIN = 12, CAP_SYS_ADMIN = 21;

    private static final String[] NAMES = {"CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL",
            "SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW",
            "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN",
            "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE",
            "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ",
            "PERFMON", "BPF", "CHECKPOINT_RESTORE"};

    /** Every capability this kernel generation knows, as a 64-bit set. */
    public static final long ALL = (1L << NAMES.length) - 1;

    private Capabilities() {}

    public static String name(int cap) {
        return cap >= 0 && cap < NAMES.length ? "CAP_" + NAMES[cap] : "CAP_" + cap;
    }

    /** A capability by any of its spellings: cap_sys_admin (capsh), SYS_ADMIN (docker), CAP_SYS_ADMIN; -1 for none. */
    public static int byName(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        n = n.startsWith("CAP_") ? n.substring(4) : n;
        for (int cap = 0; cap < NAMES.length; cap++) {
            if (NAMES[cap].equals(n)) {
                return cap;
            }
        }
        return -1;
    }

    /** As capsh --decode prints a set: lower-case names, comma-separated, unknown bits by number. */
    public static String decode(long set) {
        StringBuilder b = new StringBuilder();
        for (int cap = 0; cap < 64; cap++) {
            if ((set & (1L << cap)) != 0) {
                b.append(b.length() == 0 ? "" : ",").append(name(cap).toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }

    public static long bit(int cap) {
        return 1L << cap;
    }

    /** As strace prints a set: the shorter of the list and the complement of the full set. */
    public static String format(long set) {
        if (set == 0) {
            return "0";
        }
        long missing = ALL & ~set;
        if ((set & ~ALL) == 0 && Long.bitCount(missing) < Long.bitCount(set)) {
            return missing == 0 ? "~0" : "~(" + list(missing) + ")";
        }
        return list(set);
    }

    private static String list(long set) {
        StringBuilder b = new StringBuilder();
        for (int cap = 0; cap < 64; cap++) {
            if ((set & (1L << cap)) != 0) {
                b.append(b.length() == 0 ? "" : "|").append("1<<").append(name(cap));
            }
        }
        return b.toString();
    }
}
