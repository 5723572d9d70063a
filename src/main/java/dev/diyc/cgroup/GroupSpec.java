package dev.diyc.cgroup;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * libcgroup's {@code -g CONTROLLERS:NAME}, as post 003 types it: {@code memory,pids:box},
 * {@code cpu,cpuacct,memory:12345}, or {@code :box} for a cgroup v2 tree with no controller named.
 *
 * @param controllers in the order typed; empty for {@code :NAME}
 * @param name the learner's name for the cgroup (diyc makes it unique per session)
 */
public record GroupSpec(Set<String> controllers, String name) {

    /** @throws IllegalArgumentException with a one-line reason */
    public static GroupSpec parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' needs CONTROLLERS:NAME, such as memory,pids:box");
        }
        Set<String> controllers = new LinkedHashSet<>();
        for (String c : text.substring(0, colon).split(",")) {
            if (!c.isBlank()) {
                controllers.add(c.strip());
            }
        }
        return new GroupSpec(Collections.unmodifiableSet(controllers), name(text.substring(colon + 1)));
    }

    /**
     * A cgroup name: letters, digits, dot, dash, underscore; one level (libcgroup's leading / is
     * accepted and dropped, since diyc's cgroups sit at the top of each tree).
     */
    public static String name(String text) {
        String n = text.startsWith("/") ? text.substring(1) : text;
        if (!n.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,47}")) {
            throw new IllegalArgumentException(n.isEmpty() ? "the cgroup needs a name, such as memory,pids:box"
                    : "'" + n + "' is not a name diyc takes for a cgroup: letters, digits, . - _ (one level, no /)");
        }
        return n;
    }

    @Override
    public String toString() {
        return String.join(",", controllers) + ":" + name;
    }
}
