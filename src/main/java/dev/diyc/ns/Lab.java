package dev.diyc.ns;

import dev.diyc.net.Link;
import dev.diyc.net.Route;
import dev.diyc.net.RtNetlink;
import dev.diyc.sys.HostProc;
import dev.diyc.sys.Recorder;
import dev.diyc.term.Sink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything one diyc session works with: the playground, the lifeline, the host context and the
 * container context, and the recorder their calls go to. Closing it leaves the host as it was found.
 *
 * <p>The lab's threads record into its recorder by themselves; the lab's own methods that do work
 * on the caller's thread (cgroups removed on reset, a shell moved into a cgroup) bind that thread
 * to the recorder while they run.
 */
public final class Lab implements AutoCloseable {
    private static final String FIRST = "ctr";
    private final Path playground;
    private final Lifeline lifeline;
    private final HostNamespaces hostNamespaces;
    private final Sink background;
    private final Recorder recorder = new Recorder();
    /** What the lab's containers share with it; made once the lab's parts exist. */
    private final LabShared shared;
    private final HostContext host;
    /** Guarded by this lab. The containers by name, {@code ctr} always first; {@code ctr2} ... {@code ctr9} appear when first used. */
    private final Map<String, Container> containers = new TreeMap<>(Lab::byNumber);
    private final HostChanges hostChanges;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** {@code $UPLINK}, read the first time it is asked for. */
    private volatile String uplink;
    private Lab(Path playground, Lifeline lifeline, Sink background) {
        this.playground = playground;
        this.lifeline = lifeline;
        this.background = background;
        this.hostNamespaces = new HostNamespaces();
        this.hostChanges = new HostChanges(lifeline);
        this.shared = new LabShared(playground, lifeline, background, hostNamespaces, recorder, ProcfsPidns.asConfigured());
        containers.put(FIRST, newContainer(FIRST));
        this.host = new HostContext(playground, lifeline, background, recorder, this::vars);
    }

    /** Must be called from a thread in the host's namespaces and root (the main thread). */
    public static Lab open(Path image, Sink background) throws IOException {
        HostProc.open();
        Path playground = Playground.create(image);
        Lifeline lifeline = Lifeline.start();
        lifeline.removeWhenGone(playground);
        return new Lab(playground, lifeline, background);
    }

    /** Where this session's calls go: the REPL listens to it to print them. */
    public Recorder recorder() {
        return recorder;
    }

    public Path playground() {
        return playground;
    }

    public HostContext host() {
        return host;
    }

    /** The first container, {@code ctr}: the one every lesson starts with. */
    public synchronized Container ctr() {
        return containers.get(FIRST);
    }

    /** {@code host}, {@code ctr}, or {@code ctr2} ... {@code ctr9}: what a line can start with to choose where it runs. */
    public static boolean isContextName(String name) {
        return name.equals("host") || isContainerName(name);
    }

    public static boolean isContainerName(String name) {
        return name.matches("ctr[2-9]?");
    }

    /** The named container, started (sharing every namespace with the host) on first use. */
    public synchronized Container container(String name) {
        if (!isContainerName(name)) {
            throw new IllegalArgumentException(name);
        }
        return containers.computeIfAbsent(name, this::newContainer);
    }

    /** The containers that exist, ctr first. */
    public synchronized List<Container> containers() {
        return List.copyOf(containers.values());
    }

    private Container newContainer(String name) {
        return new Container(name, shared, this::vars);
    }

    /** ctr before ctr2 before ctr10: by the number after "ctr". */
    private static int byNumber(String a, String b) {
        return Integer.compare(number(a), number(b));
    }

    private static int number(String name) {
        return name.equals(FIRST) ? 1 : Integer.parseInt(name.substring(FIRST.length()));
    }

    public HostNamespaces hostNamespaces() {
        return hostNamespaces;
    }

    public Context context(String name) {
        return name.equals("host") ? host : container(name);
    }

    /**
     * The variables a line may use, expanded by the shells themselves and by diyc for its own
     * commands: {@code $CTR}, the container shell's host PID, and {@code $CTR2} ... for the others.
     */
    public synchronized Map<String, String> vars() {
        Map<String, String> vars = new LinkedHashMap<>();
        containers.values().forEach(c -> vars.put(c.variable(), Integer.toString(c.pid())));
        vars.put("UPLINK", uplink());
        UserNamespaceShell.addVars(vars, containers.get(FIRST));
        return vars;
    }

    /**
     * {@code $UPLINK}: the host's link with the default route (eth0, enp0s3), which a NAT rule names
     * with {@code -o}. Read once, quietly, from the host's routes.
     */
    private String uplink() {
        if (uplink == null) {
            uplink = recorder.quietly(() -> host.thread().call(() -> {
                try (RtNetlink nl = RtNetlink.open().recordReads(false)) {
                    var links = nl.links();
                    return nl.routes().stream().filter(Route::isDefault)
                            .flatMap(r -> links.stream().filter(l -> l.index() == r.oif()))
                            .map(Link::name).findFirst().orElse("eth0");
                }
            }));
        }
        return uplink;
    }

    public HostChanges hostChanges() {
        return hostChanges;
    }

    /**
     * A clean slate for a lesson: the other containers ended, a fresh ctr as diyc's own user again
     * (whatever su did), and what diyc changed on the host undone (shown).
     */
    public synchronized Container resetAll() {
        return recorder.on(() -> {
            for (Container c : containers()) {
                containers.remove(c.name()).close();
            }
            Container fresh = container(FIRST);
            hostChanges.undo(host.thread(), false, background);
            return fresh;
        });
    }

    /** Ends the first container and starts a fresh one that shares every namespace with the host. */
    public Container resetContainer() {
        return resetContainer(FIRST);
    }

    /** Ends the named container and starts a fresh one under the same name, as the user su made it. */
    public synchronized Container resetContainer(String name) {
        return recorder.on(() -> {
            Container old = containers.get(name);
            Learner as = old == null ? null : old.suUser();
            if (old != null) {
                old.close();
            }
            Container fresh = newContainer(name);
            containers.put(name, fresh);
            if (as != null) {
                recorder.quietly(() -> fresh.su(as)); // like the posts' terminal after exit: still the user su made it
            }
            return fresh;
        });
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // the shutdown hook runs after a normal close too
        }
        recorder.on(() -> {
            containers().forEach(Container::close);
            hostChanges.undo(host.thread(), true, background);
            host.close();
        });
        try {
            Playground.remove(playground);
        } catch (IOException e) {
            System.err.println("diyc: could not remove " + playground + ": " + e.getMessage());
        }
        lifeline.close(); // last: on EOF it would remove the playground too, racing the removal above

    }
}
