package dev.diyc.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The cgroup v2 tree: one hierarchy for every controller it holds. A child cgroup gets a
 * controller's files only when its parent lists the controller in cgroup.subtree_control.
 */
public record CgroupV2(Path mount, String root, Set<String> controllers) implements Hierarchy {
    @Override
    public int version() {
        return 2;
    }

    @Override
    public boolean ownsLine(String controllersField) {
        return controllersField.isEmpty();
    }

    /** Refuses rather than enabling a controller at the top of the host's tree, which would change the host for everyone. */
    @Override
    public String cannotCreate(Set<String> wanted) {
        String enabled = Hierarchy.read(mount.resolve("cgroup.subtree_control"));
        Set<String> on = enabled == null ? Set.of() : Set.of(enabled.strip().split("\\s+"));
        Set<String> missing = new LinkedHashSet<>(wanted);
        missing.removeAll(on);
        if (missing.isEmpty()) {
            return null;
        }
        String first = missing.iterator().next();
        if (!controllers.contains(first)) {
            return "this cgroup v2 tree (" + mount + ") has no " + first + " controller (its cgroup.controllers lists: "
                    + (controllers.isEmpty() ? "none" : String.join(" ", controllers)) + ")";
        }
        return first + " is not enabled for the cgroups under " + mount + " (cgroup.subtree_control lists: "
                + (on.isEmpty() ? "none" : String.join(" ", on)) + "); systemd enables it on most machines, or as root: echo +"
                + first + " > " + mount.resolve("cgroup.subtree_control");
    }

    @Override
    public String unlimited() {
        return "max";
    }

    /** memory.max, then memory.swap.max 0 (no swap at all) where the kernel accounts swap. */
    @Override
    public void limitMemory(Path dir, long bytes, Writer w) {
        boolean none = bytes == Sizes.UNLIMITED;
        w.write(dir.resolve(Knob.MEMORY_LIMIT.file(2)), (none ? unlimited() : Long.toString(bytes)) + "\n", null);
        Path swap = dir.resolve(Knob.SWAP_LIMIT.file(2));
        if (Files.exists(swap)) {
            w.write(swap, (none ? "max" : "0") + "\n",
                    none ? null : "and no swap: beyond memory.max the OOM killer acts instead of swapping");
        }
    }

    @Override
    public String describe() {
        return "cgroup v2 at " + mount + (controllers.isEmpty() ? " (no controllers in it)" : " (" + String.join(" ", controllers) + ")");
    }
}
