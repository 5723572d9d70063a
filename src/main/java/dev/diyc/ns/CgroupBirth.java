package dev.diyc.ns;

import dev.diyc.cgroup.Cgroups;

/**
 * A child is born in its parent's cgroups. A shell the container's {@code unshare} or {@code chroot}
 * starts would be the old shell's child, in the old shell's cgroups; diyc's thread starts it
 * instead, in the JVM's. So it joins the old shell's cgroups at once, before it runs anything, and a
 * container put in a cgroup stays there through every unshare.
 */
final class CgroupBirth {
    private static final String NOTE = "the new process joins the container shell's cgroup, as that shell's child would: "
            + "diyc's thread started it, in diyc's own";

    private CgroupBirth() {}

    /**
     * Moves {@code pid} where {@code model} is, then the children it has already forked (nsenter
     * --pid and unshare --fork start the shell as their child). Whatever it forks after its own move
     * is born in the right place, so no child is missed whichever came first.
     *
     * @return {@code pid} (a no-op while neither is in a cgroup of its own)
     */
    static int like(ShellSession model, int pid) {
        if (model != null && model.alive()) {
            try {
                Cgroups.host().joinLike(model.pid(), pid, NOTE);
                for (int child : Processes.children(pid)) {
                    Cgroups.host().joinLike(model.pid(), child, null);
                }
            } catch (RuntimeException e) {
                // printed as the failed write it is; the shell runs on, outside the cgroup
            }
        }
        return pid;
    }
}
