package dev.diyc.ns;

import dev.diyc.guard.Guard;
import dev.diyc.guard.GuardedSpawn;
import dev.diyc.guard.HostNamespace;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Spawn;
import dev.diyc.sys.Syscalls;
import dev.diyc.term.Sink;
import java.util.List;
import java.util.Set;

/**
 * How a container's programs start: from its thread (its namespaces, root, credentials), under the
 * guard its shared namespaces call for, in its PID namespace, and in its shell's cgroups. The cgroup
 * moves are made on the caller's thread, which records for the session meanwhile.
 */
final class ContainerSpawns {
    private final NsThread thread;
    private final ContainerPidNamespace pidNs;
    private final ContainerGuard guard;
    private final Lifeline lifeline;
    private final Sink background;

    ContainerSpawns(NsThread thread, ContainerPidNamespace pidNs, ContainerGuard guard, Lifeline lifeline, Sink background) {
        this.thread = thread;
        this.pidNs = pidNs;
        this.guard = guard;
        this.lifeline = lifeline;
        this.background = background;
    }

    /**
     * The container's next shell, where {@code model} (the old one) is.
     *
     * @param newPid the shell is PID 1 of a new PID namespace, made by the thread that spawns it
     */
    ShellSession shell(ShellSession model, List<String> argv, boolean newPid, Set<HostNamespace> shared) {
        Guard g = guard.of(newPid ? ContainerGuard.without(shared, Flags.CLONE_NEWPID) : shared);
        return thread.recorder().on(() -> ShellSession.start(stdio -> CgroupBirth.like(model, thread.call(() -> pidNs.spawnGuarded(newPid, g,
                () -> Spawn.spawn(argv, HostEnv.get(), stdio, true)))), lifeline, background));
    }

    /**
     * The next shell through a single-threaded helper that makes the namespaces in {@code flags}
     * (util-linux's unshare --user), guarded as the helper leaves them: its own mounts in its new mount
     * namespace must pass. It is born in the container's PID namespace, where the container's /proc
     * shows it (it reads /proc/self), so that namespace's init must outlive it (see Container).
     */
    ShellSession throughHelper(ShellSession model, List<String> helperArgv, long flags, boolean forks, Sink output,
            Set<HostNamespace> shared) {
        Guard g = guard.of(ContainerGuard.without(shared, flags));
        int oldShell = model.pid();
        return thread.recorder().on(() -> ShellSession.startThroughHelper(stdio -> CgroupBirth.like(model, thread.call(() -> {
            Syscalls.followCwdOf(oldShell);
            return pidNs.spawnGuarded(false, g, () -> Spawn.spawn(helperArgv, HostEnv.get(), stdio, true));
        })), lifeline, background, output, helperArgv.get(0), forks));
    }

    /**
     * A program as the container's shell would fork it: in its namespaces (entered with nsenter for a
     * user namespace of its own), its PID namespace and its cgroups, with the thread's root and working
     * directory as they are now.
     *
     * @param caller the command that starts it, named in the message when the program is missing
     * @return its host PID
     */
    int inside(ShellSession model, UserNamespaceShell userNs, String caller, List<String> argv, List<String> env, int[] stdio,
            boolean newSession, Set<HostNamespace> shared) {
        if (userNs != null) {
            Guard g = guard.ofNsenter(shared);
            return thread.recorder().on(() -> CgroupBirth.gated(model, caller, argv, stdio,
                    (a, fds) -> thread.call(() -> GuardedSpawn.spawnQuietly(g, () -> {}, () -> Spawn.spawn(userNs.nsenter(a), env, fds, newSession)))));
        }
        Guard g = guard.of(shared);
        return thread.recorder().on(() -> CgroupBirth.gated(model, caller, argv, stdio,
                (a, fds) -> thread.call(() -> pidNs.spawnGuarded(false, g, () -> Spawn.spawn(a, env, fds, newSession)))));
    }
}
