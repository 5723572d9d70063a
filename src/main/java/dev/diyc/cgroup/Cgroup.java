package dev.diyc.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One of diyc's cgroups: the learner's name for it, the directory name that makes it unique to this
 * diyc session ({@code diyc-4242-box}), and the directory it has in each tree (two on a v1 machine
 * for memory and pids, one on v2).
 */
public record Cgroup(String name, String dirName, Map<Hierarchy, Path> dirs) {

    public boolean exists() {
        return !dirs.isEmpty();
    }

    /** The tree among this cgroup's that holds a controller, or null. */
    public Hierarchy treeOf(String controller) {
        for (Hierarchy h : dirs.keySet()) {
            if (h.has(controller)) {
                return h;
            }
        }
        return null;
    }

    public List<Path> paths() {
        return List.copyOf(dirs.values());
    }
}
