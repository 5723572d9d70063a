package dev.diyc.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Why a write to /proc/PID/uid_map, gid_map or setgroups failed, told from the file's own state: the
 * kernel says only EPERM or EINVAL, and each has several causes.
 */
public final class IdMapExplanations {
    private IdMapExplanations() {}

    public static String of(Call c) {
        if (c.args().isEmpty()) {
            return null;
        }
        String path = unquote(c.args().get(0));
        Path file = Path.of(path);
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        boolean map = name.equals("uid_map") || name.equals("gid_map");
        if (!map && !name.equals("setgroups")) {
            return null;
        }
        if (c.errno() == Errno.ENOENT) {
            return "no such process: is $CTR still running? (the container's shell must be alive to own a user namespace)";
        }
        if (c.errno() == Errno.EINVAL) {
            return map ? "a map line is three numbers: first ID inside, first ID outside, how many (0 1000 1)"
                    : "setgroups takes allow or deny";
        }
        if (c.errno() != Errno.EPERM) {
            return null;
        }
        String current = read(file);
        if (map && current != null && !current.isBlank()) {
            return "a map can be written only once, and this one already holds \"" + current.strip().replaceAll("\\s+", " ")
                    + "\": the kernel refuses any change for as long as the namespace lives";
        }
        Path dir = file.getParent();
        if (name.equals("gid_map") && "allow".equals(strip(read(dir.resolve("setgroups"))))) {
            return "an ordinary user may write gid_map only after writing deny to setgroups (echo deny > " + dir.resolve("setgroups")
                    + "): otherwise a process inside could drop a group that denies it access to a file";
        }
        if (name.equals("setgroups")) {
            return "setgroups can no longer change once gid_map is written";
        }
        return "an ordinary user may map only their own ID, in one line of count 1 (0 $CTR_UID 1), and only in a namespace "
                + "they created: the writer needs CAP_SETUID (CAP_SETGID) over it";
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
