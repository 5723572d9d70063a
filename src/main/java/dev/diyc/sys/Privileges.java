package dev.diyc.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether diyc runs as root, read from /proc so start-up needs no native library. */
public final class Privileges {
    private Privileges() {}

    /** Effective uid 0, in whatever user namespace diyc runs. */
    public static boolean isRoot() {
        return effectiveUid() == 0;
    }

    /**
     * Root of the host's own user namespace. Being uid 0 inside a user namespace (a rootless lesson)
     * is not enough for some things: the kernel refuses mknod of devices there.
     */
    public static boolean isRealRoot() {
        try {
            // The initial user namespace maps all 2^32-1 ids onto themselves.
            return isRoot() && Files.readString(Path.of("/proc/self/uid_map")).trim().matches("0\\s+0\\s+4294967295");
        } catch (IOException e) {
            return false; // without /proc we cannot tell; acting as non-root is the safe side
        }
    }

    /** The effective uid, read from /proc/self/status; -1 without /proc. */
    public static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) { // "Uid:\treal\teffective\tsaved\tfs"
                    return Long.parseLong(line.split("\\s+")[2]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc: certainly not a machine diyc can work on
        }
        return -1;
    }
}
