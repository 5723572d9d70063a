package dev.diyc.ns;

import dev.diyc.cgroup.Cgroups;
import dev.diyc.sys.Fds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A child is born in its parent's cgroups. A shell the container's {@code unshare} or {@code chroot}
 * starts would be the old shell's child, in the old shell's cgroups; diyc's thread starts it
 * instead, in the JVM's. So it joins the old shell's cgroups at once, before it runs anything, and a
 * container put in a cgroup stays there through every unshare.
 */
final class CgroupBirth {
    private static final String NOTE = "the new process joins the container shell's cgroup, as that shell's child would: "
            + "diyc's thread started it, in diyc's own";

    /** Waits for diyc's word on fd 3, then becomes the program: it runs nothing before it is in place. */
    private static final String GATE = "read _ <&3; exec 3<&-; exec \"$@\"";

    private CgroupBirth() {}

    /**
     * Starts a program on the learner's terminal where {@code model} is. A shell there prints its
     * prompt the moment it starts, so moving it afterwards would print the moves after the prompt:
     * when a move is due, the program starts behind a gate (the container's sh, waiting on a pipe)
     * and is let through once it is in place.
     *
     * @param spawn starts an argv with the fds given as its 0, 1, 2 (and 3); returns the PID
     */
    static int onTerminal(ShellSession model, List<String> argv, Function<List<String>, Function<int[], Integer>> spawn) {
        if (model == null || !model.alive() || Cgroups.host().membership(model.pid()).equals(Cgroups.host().membership((int) ProcessHandle.current().pid()))) {
            return spawn.apply(argv).apply(new int[] {0, 1, 2});
        }
        List<String> gated = new ArrayList<>(List.of("/bin/sh", "-c", GATE, "diyc-gate"));
        gated.addAll(argv);
        int[] gate = Fds.pipe();
        int pid;
        try {
            pid = spawn.apply(gated).apply(new int[] {0, 1, 2, gate[0]});
        } finally {
            Fds.close(gate[0]);
        }
        try {
            like(model, pid);
        } finally {
            Fds.close(gate[1]); // the gate's read sees EOF and lets the program through
        }
        return pid;
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
