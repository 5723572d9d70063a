package dev.diyc.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The machine doctor reads: files under a root directory ({@code /} here, a made-up tree in tests),
 * the environment, the project directory and where playgrounds go. Doctor only reads; nothing here
 * writes.
 *
 * @param root where /proc, /sys, /etc and /lib/modules are found
 * @param home diyc's project directory (lessons/, rootfs-images/)
 * @param tmp where the playground is made (java.io.tmpdir)
 */
public record Machine(Path root, Map<String, String> env, Path home, Path tmp) {
    /**
     * Searched after PATH, as diyc's own program lookups do: sudo and many CI runners give Java a PATH
     * without the sbin directories, where Debian keeps nft and iptables.
     */
    private static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    public static Machine thisOne(Path home) {
        return new Machine(Path.of("/"), System.getenv(), home, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** An absolute path of the machine ({@code /proc/self/status}) as a path under the root. */
    public Path path(String absolute) {
        return root.resolve(absolute.replaceFirst("^/+", ""));
    }

    /** A file's content, or null when it is missing or unreadable. */
    public String read(String absolute) {
        try {
            return Files.readString(path(absolute));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    public boolean exists(String absolute) {
        return Files.exists(path(absolute));
    }

    /** The first executable of that name on PATH (then the system directories), like {@code command -v}. */
    public Optional<String> which(String program) {
        for (String dir : searchPath()) {
            Path p = path(dir).resolve(program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(dir + "/" + program);
            }
        }
        return Optional.empty();
    }

    private List<String> searchPath() {
        List<String> dirs = new ArrayList<>();
        for (String d : env.getOrDefault("PATH", "").split(":")) {
            if (d.startsWith("/") && !dirs.contains(d)) {
                dirs.add(d.replaceFirst("/+$", ""));
            }
        }
        SYSTEM_DIRS.stream().filter(d -> !dirs.contains(d)).forEach(dirs::add);
        return dirs;
    }

    /** A field of /proc/self/status ({@code Uid}, {@code Seccomp}), or null when it has none. */
    public String statusField(String name) {
        String status = read("/proc/self/status");
        if (status == null) {
            return null;
        }
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    /** The effective uid doctor runs as; -1 when /proc cannot tell. */
    public long uid() {
        String uid = statusField("Uid"); // real, effective, saved, fs
        try {
            return uid == null ? -1 : Long.parseLong(uid.split("\\s+")[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** The kernel's release ({@code 6.8.0-45-generic}), or "" when unreadable. */
    public String kernelRelease() {
        String r = read("/proc/sys/kernel/osrelease");
        return r == null ? "" : r.strip();
    }
}
