package dev.diyc.doctor;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the kernel offers the lessons, each read from /proc (and, for a module not yet loaded, /lib/modules). */
final class KernelChecks {
    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");

    private KernelChecks() {}

    /**
     * A /proc for a container's PID namespace: Linux 6.18+ lets diyc name the namespace (fsconfig
     * pidns); older kernels take the fallback, the container's own shell mounts it. Both work.
     */
    static Finding procfsPidns(Machine m) {
        String release = m.kernelRelease();
        boolean pidns = atLeast(release, 6, 18);
        String found = pidns ? "Linux " + release + ": diyc names the PID namespace (fsconfig pidns)"
                : "Linux " + release + ": the fallback, the container's shell mounts /proc (pidns needs 6.18)";
        return Finding.ok(Piece.PROCFS_PIDNS, found).with(Map.of("kernel", release, "path", pidns ? "pidns" : "fallback"));
    }

    static Finding timeNamespace(Machine m) {
        return m.exists("/proc/self/ns/time") ? Finding.ok(Piece.TIME_NAMESPACE, "/proc/self/ns/time is there")
                : Finding.missing(Piece.TIME_NAMESPACE, "no /proc/self/ns/time",
                        "boot a kernel with CONFIG_TIME_NS (5.6+; Ubuntu 22.04's 5.15 has it)");
    }

    /** Listed once loaded; on Ubuntu overlay is a module, which the first overlay mount loads. */
    static Finding overlayfs(Machine m) {
        String fs = m.read("/proc/filesystems");
        if (fs != null && fs.lines().anyMatch(l -> l.strip().matches("(nodev\\s+)?overlay"))) {
            return Finding.ok(Piece.OVERLAYFS, "overlay is in /proc/filesystems");
        }
        String deps = m.read("/lib/modules/" + m.kernelRelease() + "/modules.dep");
        if (deps != null && deps.contains("/overlay.ko")) {
            return Finding.ok(Piece.OVERLAYFS, "the overlay module is there; the first overlay mount loads it");
        }
        return Finding.missing(Piece.OVERLAYFS, "overlay is neither in /proc/filesystems nor a module", "sudo modprobe overlay");
    }

    /** /proc/self/status has a Seccomp field on any kernel built with seccomp; /proc/sys/kernel/seccomp with filters. */
    static Finding seccomp(Machine m) {
        String mode = m.statusField("Seccomp");
        if (mode != null || m.exists("/proc/sys/kernel/seccomp")) {
            String actions = m.read("/proc/sys/kernel/seccomp/actions_avail");
            return Finding.ok(Piece.SECCOMP, mode != null ? "Seccomp: " + mode + " in /proc/self/status" : "/proc/sys/kernel/seccomp is there")
                    .with(actions == null ? Map.of() : Map.of("actions", actions.strip()));
        }
        return Finding.missing(Piece.SECCOMP, "no Seccomp field in /proc/self/status", "boot a kernel with CONFIG_SECCOMP_FILTER");
    }

    /** Whether a release such as {@code 6.8.0-45-generic} is at least major.minor; false when unreadable. */
    static boolean atLeast(String release, int major, int minor) {
        Matcher v = RELEASE.matcher(release);
        if (!v.find()) {
            return false;
        }
        int ma = Integer.parseInt(v.group(1)), mi = Integer.parseInt(v.group(2));
        return ma > major || ma == major && mi >= minor;
    }
}
