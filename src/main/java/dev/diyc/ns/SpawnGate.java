package dev.diyc.ns;

import dev.diyc.sys.Fds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A program started behind a gate: the root's sh, waiting on a pipe at fd 3, becomes the program
 * only when the gate is closed. In between diyc can move it into a cgroup, so that it runs nothing
 * outside, and forks nothing there (a spawn cannot be told where to start; clone3's
 * CLONE_INTO_CGROUP is out of a JVM's reach).
 */
final class SpawnGate implements AutoCloseable {
    /**
     * Waits for the gate, then becomes the program. A program that is not there gets the message its
     * caller ($0) would print, not sh's.
     */
    private static final String GATE = "read _ <&3; exec 3<&-; command -v \"$1\" >/dev/null 2>&1 || "
            + "{ printf \"%s: failed to run command '%s': No such file or directory\\n\" \"$0\" \"$1\" >&2; exit 127; }; exec \"$@\"";

    /** How a program is started: its argv, and the fds that become its 0, 1, 2 (and 3...). */
    interface Spawner {
        int spawn(List<String> argv, int[] fds);
    }

    private final int pid;
    private final int gate;

    private SpawnGate(int pid, int gate) {
        this.pid = pid;
        this.gate = gate;
    }

    /**
     * @param caller the command starting it, for the message when the program is missing
     * @throws dev.diyc.sys.SyscallException when sh cannot be started (ENOENT: the root has no /bin/sh)
     */
    static SpawnGate spawn(String caller, List<String> argv, int[] stdio, Spawner spawner) {
        List<String> gated = new ArrayList<>(List.of("/bin/sh", "-c", GATE, caller));
        gated.addAll(argv);
        int[] pipe = Fds.pipe();
        int[] fds = Arrays.copyOf(stdio, stdio.length + 1);
        fds[stdio.length] = pipe[0];
        try {
            return new SpawnGate(spawner.spawn(gated, fds), pipe[1]);
        } catch (RuntimeException e) {
            Fds.close(pipe[1]);
            throw e;
        } finally {
            Fds.close(pipe[0]);
        }
    }

    int pid() {
        return pid;
    }

    /** Opens the gate: sh's read sees EOF and execs the program. */
    @Override
    public void close() {
        Fds.close(gate);
    }
}
