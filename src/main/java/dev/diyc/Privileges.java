package dev.diyc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether diyc runs as root, read from /proc so start-up needs no native library. */
public final class Privileges {
    private Privileges() {}

    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (IOException e) {
            // no /proc: certainly not a machine diyc can work on
        }
        return false;
    }
}
