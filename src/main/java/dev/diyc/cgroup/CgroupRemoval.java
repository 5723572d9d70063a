package dev.diyc.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Removing a cgroup as libcgroup's cgdelete does: only an empty cgroup can be removed, so what still
 * runs in it moves to the parent first, and sub-cgroups go before their parent.
 */
final class CgroupRemoval {
    private static final String MOVE_OUT_NOTE = "as libcgroup's cgdelete does: what still runs in it moves to the parent cgroup, "
            + "since only an empty cgroup can be removed";

    private final Cgroups.Fs fs;

    CgroupRemoval(Cgroups.Fs fs) {
        this.fs = fs;
    }

    /**
     * Removes the cgroup's directories in the given trees: sub-cgroups first, what still runs in it
     * moved to the parent first (as libcgroup's cgdelete does).
     *
     * @param recursive remove sub-cgroups too (cgdelete -r; always when diyc cleans up)
     * @return the directories removed
     */
    List<Path> remove(Cgroup cg, List<Hierarchy> in, boolean recursive, Consumer<String> say) {
        List<Path> removed = new ArrayList<>();
        for (Hierarchy h : in) {
            Path top = cg.dirs().get(h);
            if (top == null) {
                continue;
            }
            List<Path> dirs = recursive ? subtree(top) : List.of(top);
            boolean said = false;
            for (Path d : dirs) {
                List<Integer> left = Cgroups.procs(d);
                if (!left.isEmpty() && !said) {
                    say.accept(cg.name() + " still holds " + (left.size() == 1 ? "process " : "processes ")
                            + String.join(" ", left.stream().map(String::valueOf).toList()) + "; "
                            + (left.size() == 1 ? "it moves" : "they move") + " to " + top.getParent());
                    said = true;
                }
                for (int pid : left) {
                    moveOut(top.getParent().resolve("cgroup.procs"), pid, MOVE_OUT_NOTE);
                }
                fs.rmdir(d, null);
                removed.add(d);
            }
        }
        return removed;
    }

    /** Moves a process to the parent; one that exited meanwhile cannot be moved, and need not be. */
    private void moveOut(Path procs, int pid, String note) {
        try {
            fs.write(procs, pid + "\n", note);
        } catch (RuntimeException e) {
            if (Files.exists(Path.of("/proc/" + pid))) {
                throw e;
            }
        }
    }

    /** A directory and its sub-cgroups, deepest first. */
    private static List<Path> subtree(Path top) {
        try (Stream<Path> s = Files.walk(top)) {
            return s.filter(Files::isDirectory).sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
        } catch (IOException e) {
            return List.of(top);
        }
    }
}
