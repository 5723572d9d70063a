package dev.diyc.sys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A set of named bit flags that decodes a value the way strace does: {@code MS_REC|MS_PRIVATE}. */
public final class Flags {
    private final Map<String, Long> bits = new LinkedHashMap<>();

    private Flags() {}

    private Flags bit(String name, long value) {
        bits.put(name, value);
        return this;
    }

    public static final long CLONE_NEWTIME = 0x80, CLONE_FS = 0x200, CLONE_NEWNS = 0x20000,
            CLONE_NEWCGROUP = 0x02000000, CLONE_NEWUTS = 0x04000000, CLONE_NEWIPC = 0x08000000,
            CLONE_NEWUSER = 0x10000000, CLONE_NEWPID = 0x20000000, CLONE_NEWNET = 0x40000000;

    public static final long MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8, MS_REMOUNT = 32,
            MS_BIND = 4096, MS_MOVE = 8192, MS_REC = 16384, MS_UNBINDABLE = 1 << 17, MS_PRIVATE = 1 << 18,
            MS_SLAVE = 1 << 19, MS_SHARED = 1 << 20;

    public static final int MNT_FORCE = 1, MNT_DETACH = 2, MNT_EXPIRE = 4, UMOUNT_NOFOLLOW = 8;

    public static final Flags CLONE = new Flags()
            .bit("CLONE_NEWTIME", CLONE_NEWTIME).bit("CLONE_FS", CLONE_FS).bit("CLONE_NEWNS", CLONE_NEWNS)
            .bit("CLONE_NEWCGROUP", CLONE_NEWCGROUP).bit("CLONE_NEWUTS", CLONE_NEWUTS)
            .bit("CLONE_NEWIPC", CLONE_NEWIPC).bit("CLONE_NEWUSER", CLONE_NEWUSER)
            .bit("CLONE_NEWPID", CLONE_NEWPID).bit("CLONE_NEWNET", CLONE_NEWNET);

    public static final Flags MS = new Flags()
            .bit("MS_RDONLY", MS_RDONLY).bit("MS_NOSUID", MS_NOSUID).bit("MS_NODEV", MS_NODEV)
            .bit("MS_NOEXEC", MS_NOEXEC).bit("MS_REMOUNT", MS_REMOUNT).bit("MS_BIND", MS_BIND)
            .bit("MS_MOVE", MS_MOVE).bit("MS_REC", MS_REC).bit("MS_UNBINDABLE", MS_UNBINDABLE)
            .bit("MS_PRIVATE", MS_PRIVATE).bit("MS_SLAVE", MS_SLAVE).bit("MS_SHARED", MS_SHARED);

    public static final Flags MNT = new Flags()
            .bit("MNT_FORCE", MNT_FORCE).bit("MNT_DETACH", MNT_DETACH).bit("MNT_EXPIRE", MNT_EXPIRE)
            .bit("UMOUNT_NOFOLLOW", UMOUNT_NOFOLLOW);

    /** Names the set bits in order; unknown bits are kept as hex, zero prints as {@code 0}. */
    public String decode(long value) {
        List<String> names = new ArrayList<>();
        long rest = value;
        for (Map.Entry<String, Long> e : bits.entrySet()) {
            if ((rest & e.getValue()) == e.getValue() && e.getValue() != 0) {
                names.add(e.getKey());
                rest &= ~e.getValue();
            }
        }
        if (rest != 0) {
            names.add("0x" + Long.toHexString(rest));
        }
        return names.isEmpty() ? "0" : String.join("|", names);
    }
}
