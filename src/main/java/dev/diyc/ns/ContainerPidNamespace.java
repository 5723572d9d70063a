package dev.diyc.ns;

import dev.diyc.guard.Guard;
import dev.diyc.guard.GuardedSpawn;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Syscalls;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A container's own PID namespace: an fd on it, the earlier shells that are its init (if they
 * exited, the namespace would end), and spawning into it from the container's thread, which itself
 * stays in the host's PID namespace (a thread whose children land in a new one cannot start JVM
 * threads). Until the container unshares CLONE_NEWPID it has none.
 */
final class ContainerPidNamespace implements AutoCloseable {
    private static final String MAKE_NEW = "by a thread started only to fork the shell: a thread whose children land in a new "
            + "PID namespace cannot start JVM threads, so the container's own thread leaves this flag to it";

    /** Earlier shells that are the namespace's init: if they exited, the namespace would end. */
    private final List<ShellSession> inits = new ArrayList<>();
    /** An fd on the namespace, or -1 while the container shares the host's. */
    private int fd = -1;

    boolean exists() {
        return fd >= 0;
    }

    /** The fd on the namespace (valid while {@link #exists()}), for procfs's pidns option. */
    int fd() {
        return fd;
    }

    /** A fresh shell is PID 1 of a new namespace: from now on that namespace is the container's. */
    void adopt(ShellSession init) {
        fd = Syscalls.openHostProc(init.pid() + "/ns/pid", "/proc/" + init.pid() + "/ns/pid");
    }

    /** The shells take over in namespaces of their own: the old namespace's inits end and it is forgotten. */
    void endAll() {
        for (ShellSession init : inits) {
            init.end();
        }
        inits.clear();
        forget();
    }

    /** A shell is being replaced: it ends, unless it is the namespace's init, which must live on. */
    void replaced(ShellSession old) {
        if (fd >= 0 && inits.isEmpty()) {
            inits.add(old);
        } else {
            old.end();
        }
    }

    /**
     * Runs a spawn under the container's guard, on a thread started from the container's thread only for
     * it (see {@link GuardedSpawn}), so its child lands in the container's PID namespace. That thread
     * enters the namespace (or makes it) before the guard is in place, and ends with the spawn: the
     * container's thread itself never leaves the host's PID namespace for its children, or it could
     * start no thread.
     *
     * @param makeNew the child is PID 1 of a new namespace: the spawning thread unshares CLONE_NEWPID
     */
    int spawnGuarded(boolean makeNew, Guard guard, IntSupplier spawn) {
        return GuardedSpawn.spawnQuietly(guard, () -> {
            if (makeNew) {
                Syscalls.unshare(Flags.CLONE_NEWPID, MAKE_NEW);
            } else if (fd >= 0) {
                Syscalls.setns(fd, Flags.CLONE_NEWPID, "so that the new process starts inside the container's PID namespace");
            }
        }, spawn);
    }

    private void forget() {
        if (fd >= 0) {
            Syscalls.close(fd);
            fd = -1;
        }
    }

    /** The inits end, and are waited for (first, as they hold the namespace the container's shell is in). */
    void closeInits() {
        for (ShellSession init : inits) {
            init.close();
        }
    }

    /** The fd closes: with the container's shells gone, the namespace ends. */
    @Override
    public void close() {
        forget();
    }
}
