package dev.diyc.ns;

import dev.diyc.sys.HostProc;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Everything one diyc session works with: the playground, the lifeline, the host context and the
 * container context. Closing it leaves the host as it was found.
 */
public final class Lab implements AutoCloseable {
    private final Path playground;
    private final Lifeline lifeline;
    private final HostNamespaces hostNamespaces;
    private final Sink background;
    private final HostContext host;
    private volatile Container ctr;
    private final HostChanges hostChanges;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Lab(Path playground, Lifeline lifeline, Sink background) {
        this.playground = playground;
        this.lifeline = lifeline;
        this.background = background;
        this.hostNamespaces = new HostNamespaces();
        this.hostChanges = new HostChanges(lifeline);
        this.ctr = new Container(playground, lifeline, background, hostNamespaces);
        this.host = new HostContext(playground, lifeline, background, this::vars);
    }

    /** Must be called from a thread in the host's namespaces and root (the main thread). */
    public static Lab open(Path image, Sink background) throws IOException {
        HostProc.open();
        Path playground = Playground.create(image);
        Lifeline lifeline = Lifeline.start();
        lifeline.removeWhenGone(playground);
        return new Lab(playground, lifeline, background);
    }

    public Path playground() {
        return playground;
    }

    public HostContext host() {
        return host;
    }

    public Container ctr() {
        return ctr;
    }

    public HostNamespaces hostNamespaces() {
        return hostNamespaces;
    }

    public Context context(String name) {
        return switch (name) {
            case "host" -> host;
            case "ctr" -> ctr;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * The variables a line may use, expanded by the shells themselves and by diyc for its own
     * commands: {@code $CTR}, the container shell's host PID.
     */
    public java.util.Map<String, String> vars() {
        java.util.Map<String, String> vars = new java.util.HashMap<>(java.util.Map.of("CTR", Integer.toString(ctr.pid())));
        UserNamespaceShell.addVars(vars, ctr);
        return vars;
    }

    public HostChanges hostChanges() {
        return hostChanges;
    }

    /** A clean slate for a lesson: what diyc changed on the host undone (shown), and a fresh container. */
    public Container resetAll() {
        ctr.close();
        ctr = new Container(playground, lifeline, background, hostNamespaces); // diyc's own user again, whatever su did
        hostChanges.undo(host.thread(), false, background);
        return ctr;
    }

    /**
     * Ends the container and starts a fresh one that shares every namespace with the host, as the
     * user {@code su} made it, like the posts' terminal after exit.
     */
    public Container resetContainer() {
        Learner as = ctr.suUser();
        ctr.close();
        ctr = new Container(playground, lifeline, background, hostNamespaces);
        ctr.suQuietly(as);
        return ctr;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // the shutdown hook runs after a normal close too
        }
        ctr.close();
        hostChanges.undo(host.thread(), true, background);
        host.close();
        try {
            Playground.remove(playground);
        } catch (IOException e) {
            System.err.println("diyc: could not remove " + playground + ": " + e.getMessage());
        }
        lifeline.close(); // last: on EOF it would remove the playground too, racing the removal above

    }
}
