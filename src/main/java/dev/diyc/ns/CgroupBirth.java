package dev.diyc.ns;

import dev.diyc.cgroup.Cgroups;
import dev.diyc.sys.Fds;
import java.util.ArrayList;
import java.util.List;
import dev.diyc.sys.Errno;
import dev.diyc.sys.SyscallException;

/**
 * A child is born in its parent's cgroups. A shell the container's {@code unshare} or {@code chroot}
 * starts would be the old shell's child, in the old shell's cgroups; diyc's thread starts it
 * instead, in the JVM's. So it joins the old shell's cgroups at once, before it runs anything, and a
 * container put in a cgroup stays there through every unshare.
 */
final class CgroupBirth {
    private static final String NOTE = "the new process joins the container shell's cgroup, as that shell's child would: "
            + "diyc's thread started it, in diyc's own";

    /**
     * Waits for diyc's word on fd 3, then becomes the program: it runs nothing before it is in place.
     * A program that is not there gets the message its caller ($0) would print, not sh's.
     */
    private static final String GATE = "read _ <&3; exec 3<&-; command -v \"$1\" >/dev/null 2>&1 || "
            + "{ printf \"%s: failed to run command '%s': No such file or directory\\n\" \"$0\" \"$1\" >&2; exit 127; }; exec \"$@\"";

    private CgroupBirth() {}

    /** How a program is started: its argv, and the fds that become its 0, 1, 2 (and 3). */
    interface Spawner {
        int spawn(List<String> argv, int[] fds);
    }

    /**
     * Starts a program where {@code model} is, before it runs anything: a shell on the terminal
     * prints its prompt the moment it starts (and moves printed after it would land behind the
     * prompt), and a short command could be done before a move. When a move is due, the program
     * starts behind a gate (sh, waiting on a pipe at fd 3) and is let through once it is in place.
     * A root with no /bin/sh (a bare chroot) gets the program itself, moved as soon as it started.
     *
     * @param caller the command starting it, for the gate's message when the program is missing
     */
    static int gated(ShellSession model, String caller, List<String> argv, int[] stdio, Spawner spawner) {
        if (model == null || !model.alive() || Cgroups.host().membership(model.pid()).equals(Cgroups.host().membership((int) ProcessHandle.current().pid()))) {
            return spawner.spawn(argv, stdio);
        }
        List<String> gatedArgv = new ArrayList<>(List.of("/bin/sh", "-c", GATE, caller));
        gatedArgv.addAll(argv);
        int[] fds = java.util.Arrays.copyOf(stdio, stdio.length + 1);
        int[] gate = Fds.pipe();
        fds[stdio.length] = gate[0];
        int pid;
        try {
            pid = spawner.spawn(gatedArgv, fds);
        } catch (SyscallException e) {
            Fds.close(gate[1]);
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
            return like(model, spawner.spawn(argv, stdio));
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
