package dev.diyc.ns;

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
    private static final String BACK_TO_HOST_PID = "diyc's thread puts its future children back in the host's PID namespace: "
            + "a thread whose children land in a new PID namespace cannot start JVM threads";

    private final HostNamespaces host;
    /** Earlier shells that are the namespace's init: if they exited, the namespace would end. */
    private final List<ShellSession> inits = new ArrayList<>();
    /** An fd on the namespace, or -1 while the container shares the host's. */
    private int fd = -1;

    ContainerPidNamespace(HostNamespaces host) {
        this.host = host;
    }

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
     * Runs a spawn (on the container's thread) so its child lands in the container's PID namespace,
     * then puts the thread's children back in the host's.
     *
     * @param alreadyNew the thread has just unshared CLONE_NEWPID: its next child is that namespace's init
     */
    int spawnInside(boolean alreadyNew, IntSupplier spawn) {
        boolean enter = !alreadyNew && fd >= 0;
        if (enter) {
            Syscalls.setns(fd, Flags.CLONE_NEWPID, "so that the new process starts inside the container's PID namespace");
        }
        try {
            return spawn.getAsInt();
        } finally {
            if (enter || alreadyNew) {
                Syscalls.setns(host.pidFd(), Flags.CLONE_NEWPID, BACK_TO_HOST_PID);
            }
        }
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
