package dev.diyc.ns;

import dev.diyc.guard.HostNamespace;
import dev.diyc.term.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which namespaces a container has of its own, against the host's, and the lifeline told of each
 * new one (so a kill -9 of diyc cannot leave it behind).
 */
final class ContainerNamespaces implements AutoCloseable {
    private final Container ctr;
    private final HostNamespaces host;
    private final ContainerPidNamespace pidNs;
    private final Lifeline lifeline;
    private final Set<String> watched = new LinkedHashSet<>();

    ContainerNamespaces(Container ctr, HostNamespaces host, ContainerPidNamespace pidNs, Lifeline lifeline) {
        this.ctr = ctr;
        this.host = host;
        this.pidNs = pidNs;
        this.lifeline = lifeline;
    }

    HostNamespaces host() {
        return host;
    }

    /** True when the container has a namespace of this type of its own. */
    boolean owns(Namespace n) {
        UserNamespaceShell userNs = ctr.userNamespace();
        if (userNs != null) {
            return userNs.owns(n);
        }
        if (n == Namespace.PID || n == Namespace.PID_FOR_CHILDREN) {
            return pidNs.exists();
        }
        String mine = n.of(ctr.thread().procDir());
        return mine != null && !mine.equals(host.id(n));
    }

    /** The namespaces the container still shares with the host: what the guard of its next program is chosen by. */
    EnumSet<HostNamespace> shared() {
        EnumSet<HostNamespace> shared = EnumSet.noneOf(HostNamespace.class);
        for (HostNamespace h : HostNamespace.values()) {
            if (!owns(type(h))) {
                shared.add(h);
            }
        }
        return shared;
    }

    /** The /proc/PID/ns entry a guarded type is read from (time: the one the thread's children get). */
    private static Namespace type(HostNamespace h) {
        return switch (h) {
            case UTS -> Namespace.UTS;
            case MOUNT -> Namespace.MNT;
            case NET -> Namespace.NET;
            case PID -> Namespace.PID;
            case IPC -> Namespace.IPC;
            case CGROUP -> Namespace.CGROUP;
            case TIME -> Namespace.TIME_FOR_CHILDREN;
            case USER -> Namespace.USER;
        };
    }

    /** True while the container shares every namespace with the host (there is nothing to exit). */
    boolean sharesEverything() {
        for (Namespace n : Namespace.values()) {
            if (owns(n)) {
                return false;
            }
        }
        return !rootChanged();
    }

    /** Whether the shell's root is no longer the host's (after pivot_root or chroot). */
    boolean rootChanged() {
        try {
            return !Files.isSameFile(ctr.proc().resolve("root"), Path.of("/proc/self/root"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses an operation that, with this namespace still shared, would change the host. */
    void requireOwn(Namespace n, String what, String fix) {
        if (!owns(n)) {
            throw new UserError("the container still shares the host's " + n.procName() + " namespace, so " + what
                    + " would change the host. Unshare it first: " + fix);
        }
    }

    /** Tells the lifeline of the shell's namespaces that are new (the thread's own PID namespace never changes). */
    void watchNew() {
        for (Namespace n : Namespace.values()) {
            String id = n.of(ctr.proc());
            if (id != null && !id.equals(host.id(n)) && watched.add(id)) {
                lifeline.watchNamespace(id);
            }
        }
    }

    /** The container has ended: its namespaces are no longer the lifeline's to end. */
    @Override
    public void close() {
        for (String id : watched) {
            lifeline.forgetNamespace(id);
        }
    }
}
