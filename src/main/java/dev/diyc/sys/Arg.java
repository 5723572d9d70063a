package dev.diyc.sys;

/** Formats syscall arguments the way strace prints them. */
public final class Arg {
    private Arg() {}

    /** A C string: quoted and escaped, or NULL. */
    public static String str(String s) {
        if (s == null) {
            return "NULL";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\%o", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A file descriptor, with the path it refers to as {@code strace -y} shows it. */
    public static String fd(int fd, String path) {
        return path == null ? Integer.toString(fd) : fd + "<" + path + ">";
    }
}
