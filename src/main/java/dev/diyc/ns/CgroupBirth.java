package dev.diyc.ns;

import dev.diyc.cgroup.Cgroups;
import dev.diyc.sys.Errno;
import dev.diyc.sys.SyscallException;
import java.util.List;

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
     * Starts a program where {@code model} is, before it runs anything: a shell on the terminal
     * prints its prompt the moment it starts (and moves printed after it would land behind the
     * prompt), and a short command could be done before a move. When a move is due, the program
     * starts behind a {@link SpawnGate} and is let through once it is in place. A root with no
     * /bin/sh (a bare chroot) gets the program itself, moved as soon as it started.
     *
     * @param caller the command starting it, for the gate's message when the program is missing
     */
    static int gated(ShellSession model, String caller, List<String> argv, int[] stdio, SpawnGate.Spawner spawner) {
        if (model == null || !model.alive() || Cgroups.host().membership(model.pid()).equals(Cgroups.host().membership((int) ProcessHandle.current().pid()))) {
            return spawner.spawn(argv, stdio);
        }
        SpawnGate gate;
        try {
            gate = SpawnGate.spawn(caller, argv, stdio, spawner);
        } catch (SyscallException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
            return like(model, spawner.spawn(argv, stdio));
        }
        try (gate) {
            return like(model, gate.pid());
        }
    }

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
