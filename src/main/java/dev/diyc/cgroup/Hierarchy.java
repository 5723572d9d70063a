package dev.diyc.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * One mounted cgroup tree: a cgroup v1 hierarchy (one or a few controllers, /sys/fs/cgroup/memory)
 * or the cgroup v2 tree (every controller it has, /sys/fs/cgroup on Ubuntu 22.04+,
 * /sys/fs/cgroup/unified beside the v1 trees on a hybrid machine). The two differ in a handful of
 * ways, each a method here; everything else about a cgroup (a directory, cgroup.procs, rmdir) is
 * the same in both.
 */
public sealed interface Hierarchy permits CgroupV1, CgroupV2 {

    /** 1 or 2. */
    int version();

    /** Where the tree is mounted. */
    Path mount();

    /** The cgroup that sits at the mount point, as mountinfo's root field says ({@code /} on a host). */
    String root();

    /** The controllers the tree holds: v1 from its mount options, v2 from the root's cgroup.controllers. */
    Set<String> controllers();

    default boolean has(String controller) {
        return controllers().contains(controller);
    }

    /** Whether a line of /proc/PID/cgroup is this tree's, by its middle field ({@code memory}, {@code name=systemd}, or empty for v2). */
    boolean ownsLine(String controllersField);

    /** Why a cgroup with these controllers cannot be made at the top of this tree, or null when it can. */
    String cannotCreate(Set<String> controllers);

    /** What the memory limit file takes for no limit: v1 -1, v2 max. */
    String unlimited();

    /**
     * Sets a memory limit so that a process that goes past it meets the OOM killer rather than swap:
     * the limit, and swap held at nothing beyond it where this kernel accounts swap.
     */
    void limitMemory(Path dir, long bytes, Writer w);

    /** "cgroup v1 memory at /sys/fs/cgroup/memory", for the one line that says which tree diyc uses. */
    String describe();

    /** The directory of a cgroup, from its path as /proc/PID/cgroup shows it from the host. */
    default Path dir(String cgroupPath) {
        String rel = cgroupPath;
        if (!root().equals("/") && (rel.equals(root()) || rel.startsWith(root() + "/"))) {
            rel = rel.substring(root().length());
        }
        rel = rel.replaceFirst("^/+", "");
        return rel.isEmpty() ? mount() : mount().resolve(rel);
    }

    /** How a cgroup file is changed: recorded through Syscalls.writeFile in diyc, collected in tests. */
    @FunctionalInterface
    interface Writer {
        void write(Path file, String content, String note);
    }

    /** The OOM killer's count, from memory.oom_control (v1, kernel 4.13+) or memory.events (v2): both have an oom_kill line. */
    static long oomKills(String content) {
        for (String line : content.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].equals("oom_kill")) {
                return Long.parseLong(f[1]);
            }
        }
        return -1;
    }

    /** A cgroup file's content, or null when it cannot be read. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }
}
