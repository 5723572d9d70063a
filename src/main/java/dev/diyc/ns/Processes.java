package dev.diyc.ns;

import dev.diyc.sys.Fds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Process relationships read from the host's /proc. */
public final class Processes {
    private Processes() {}

    /** Direct children of a process (host PIDs). */
    public static List<Integer> children(int pid) {
        List<Integer> kids = new ArrayList<>();
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/task/" + pid + "/children")).trim();
            if (!s.isEmpty()) {
                for (String p : s.split("\\s+")) {
                    kids.add(Integer.parseInt(p));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not a process we can read
        }
        return kids;
    }

    /** The first word of a process's command line, or null when it is gone. */
    public static String argv0(int pid) {
        try {
            byte[] b = Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
            int end = 0;
            while (end < b.length && b[end] != 0) {
                end++;
            }
            return new String(b, 0, end, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Signals a process and all its descendants, children first seen before the parent is hit. */
    public static void signalTree(int pid, int signal) {
        List<Integer> all = new ArrayList<>();
        collect(pid, all);
        for (int p : all) {
            Fds.kill(p, signal);
        }
    }

    private static void collect(int pid, List<Integer> into) {
        into.add(pid);
        for (int c : children(pid)) {
            collect(c, into);
        }
    }
}
