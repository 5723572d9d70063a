package dev.diyc.ns;

import dev.diyc.cgroup.Cgroup;
import dev.diyc.cgroup.Cgroups;
import dev.diyc.term.Sink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cgroups diyc made on the host (cgcreate), by the learner's name, and their directories, which
 * the lifeline also knows so it can remove them after a kill -9. Undone after the containers have
 * ended: a cgroup can only be removed once no process is left in it, so what still runs there (a
 * host process the learner put in) moves to the parent first.
 */
public final class CgroupChanges {
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<Path> watched = new LinkedHashSet<>();
    private final Lifeline lifeline;

    CgroupChanges(Lifeline lifeline) {
        this.lifeline = lifeline;
    }

    /** Records a cgroup's directories as they are now (after cgcreate). */
    public synchronized void made(Cgroup cg) {
        names.add(cg.name());
        for (Path d : cg.paths()) {
            if (watched.add(d)) {
                lifeline.watchCgroup(d);
            }
        }
    }

    /** The learner removed these directories (cgdelete): nothing left to undo for them. */
    public synchronized void removed(Cgroup cg, List<Path> dirs) {
        for (Path d : dirs) {
            if (watched.remove(d)) {
                lifeline.forgetCgroup(d);
            }
        }
        if (!Cgroups.host().find(cg.name()).exists()) {
            names.remove(cg.name());
        }
    }

    /** Removes the recorded cgroups that still exist; one that cannot be removed stays with the lifeline. */
    synchronized void undo(boolean quiet, Sink say, List<String> deleted) {
        for (String name : List.copyOf(names)) {
            Cgroup cg = Cgroups.host().find(name);
            if (!cg.exists()) {
                continue;
            }
            if (!quiet) {
                say.out("  · diyc removes the cgroup it made for you: " + name + " ("
                        + String.join(" ", cg.paths().stream().map(Path::toString).toList()) + ")\n");
            }
            List<Path> removed = new ArrayList<>();
            try {
                removed.addAll(Cgroups.host().remove(cg, List.copyOf(cg.dirs().keySet()), true,
                        line -> {
                            if (!quiet) {
                                say.out("  · " + line + "\n");
                            }
                        }));
            } catch (RuntimeException e) {
                say.err("diyc: could not remove the cgroup " + name + ": " + e.getMessage() + " (the lifeline tries again when diyc exits)\n");
            }
            removed.forEach(d -> deleted.add(d.toString()));
            removed(cg, removed);
        }
    }
}
