package dev.diyc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What diyc promises to leave as it found it: the hostname, the mount points, the network links, the
 * processes in namespaces other than the host's, diyc's playgrounds, IPC objects, cgroups. Tests
 * take one before and compare after (waiting a little for processes that are still dying).
 */
public record HostState(String hostname, List<String> mounts, List<String> links, List<String> foreignProcesses,
        List<String> playgrounds, List<String> ipcObjects, List<String> routing, List<String> cgroups) {

    public static HostState now() {
        // A read may race with diyc's (or its lifeline's) undo: /run/netns or a cgroup found, then
        // gone before it is listed. That is the host changing under the read, not an error: read again.
        for (int attempt = 1; ; attempt++) {
            try {
                return new HostState(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(), readMounts(), readLinks(),
                        processesOutsideHostNamespaces(), readPlaygrounds(), readIpcObjects(), readRouting(), readCgroups());
            } catch (NoSuchFileException | UncheckedIOException e) {
                if (attempt == 10) {
                    throw new IllegalStateException(e);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> readMounts() throws IOException {
        List<String> points = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            points.add(f[4] + " " + f[f.length - 3]);
        }
        return points;
    }

    private static List<String> readLinks() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/sys/class/net"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Processes whose uts, mnt, pid, ipc, net, cgroup, user or time namespace is not the test JVM's (the host's;
     * PID 1 of a VM's init may have namespaces of its own): a container left behind.
     */
    public static List<String> processesOutsideHostNamespaces() throws IOException {
        TreeSet<String> found = new TreeSet<>();
        List<String> types = List.of("uts", "mnt", "pid", "ipc", "net", "cgroup", "user", "time");
        List<String> host = new ArrayList<>();
        for (String t : types) {
            host.add(link("/proc/self/ns/" + t));
        }
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            // An empty command line is a process already exiting (a container's, a moment after its
            // namespace was told to end): it is gone in a moment and holds nothing.
            for (Path p : s.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> !cmdline(p).isEmpty()).toList()) {
                for (int i = 0; i < types.size(); i++) {
                    String id = link(p + "/ns/" + types.get(i));
                    if (id != null && !id.equals(host.get(i))) {
                        found.add(p.getFileName() + " " + cmdline(p) + " (" + id + ")");
                        break;
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** The host's System V IPC objects (message queues, shared memory, semaphores), by kind and id. */
    private static List<String> readIpcObjects() throws IOException {
        List<String> objects = new ArrayList<>();
        for (String kind : List.of("msg", "shm", "sem")) {
            Files.readAllLines(Path.of("/proc/sysvipc/" + kind)).stream().skip(1)
                    .forEach(l -> objects.add(kind + " " + l.trim().split("\\s+")[1]));
        }
        return objects;
    }

    /** ip_forward, the named network namespaces, and the NAT rules (when nft is installed). */
    private static List<String> readRouting() throws IOException {
        List<String> r = new ArrayList<>();
        r.add("ip_forward=" + Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip());
        Path netns = Path.of("/run/netns");
        if (Files.isDirectory(netns)) {
            try (Stream<Path> s = Files.list(netns)) {
                s.map(p -> "netns " + p.getFileName()).sorted().forEach(r::add);
            }
            r.add("/run/netns exists");
        }
        for (String nft : List.of("/usr/sbin/nft", "/sbin/nft")) {
            if (Files.isExecutable(Path.of(nft))) {
                Process p = new ProcessBuilder(nft, "list", "ruleset").redirectErrorStream(true).start();
                new String(p.getInputStream().readAllBytes()).lines().map(l -> "nft " + l.strip()).forEach(r::add);
                break;
            }
        }
        return r;
    }

    /**
     * The cgroup directories of every mounted cgroup tree (v1 and v2): those at the top of a tree,
     * where diyc makes its own, and any anywhere whose name starts with diyc, with what is under
     * them. Deeper ones are left
     * out: systemd (and this machine's own tooling) make and remove cgroups below the top all the time.
     */
    public static List<String> readCgroups() throws IOException {
        TreeSet<String> found = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            int dash = List.of(f).indexOf("-");
            if (dash < 0 || !(f[dash + 1].equals("cgroup") || f[dash + 1].equals("cgroup2"))) {
                continue;
            }
            Path mount = Path.of(f[4]);
            walkCgroups(mount, mount, false, found);
        }
        return List.copyOf(found);
    }

    private static void walkCgroups(Path mount, Path dir, boolean inDiyc, TreeSet<String> found) {
        try (var children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path c : children) {
                boolean diyc = inDiyc || c.getFileName().toString().startsWith("diyc");
                if (dir.equals(mount) || diyc) {
                    found.add(c.toString());
                }
                walkCgroups(mount, c, diyc, found);
            }
        } catch (IOException | DirectoryIteratorException e) {
            // removed while we looked (systemd's transient units come and go): not there any more
        }
    }

    private static List<String> readPlaygrounds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("diyc-playground.")).sorted().toList();
        }
    }

    private static String link(String path) {
        try {
            return Files.readSymbolicLink(Path.of(path)).toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static String cmdline(Path p) {
        try {
            return new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Only what differs, so a failure reads in one screen. */
    public String diff(HostState other) {
        StringBuilder b = new StringBuilder();
        if (!hostname.equals(other.hostname)) b.append("hostname: ").append(hostname).append(" -> ").append(other.hostname).append('\n');
        diffList(b, "mount", mounts, other.mounts);
        diffList(b, "link", links, other.links);
        diffList(b, "process", foreignProcesses, other.foreignProcesses);
        diffList(b, "playground", playgrounds, other.playgrounds);
        diffList(b, "ipc object", ipcObjects, other.ipcObjects);
        diffList(b, "routing", routing, other.routing);
        diffList(b, "cgroup", cgroups, other.cgroups);
        return b.toString();
    }

    private static void diffList(StringBuilder b, String what, List<String> before, List<String> after) {
        for (String s : after) {
            if (!before.contains(s)) b.append("+ ").append(what).append(": ").append(s).append('\n');
        }
        for (String s : before) {
            if (!after.contains(s)) b.append("- ").append(what).append(": ").append(s).append('\n');
        }
    }

    /** Asserts the host is back to {@code before}, waiting a little for processes still dying. */
    public static void assertUnchanged(HostState before, String context) {
        HostState after = awaitEqual(before);
        if (!after.equals(before)) {
            throw new AssertionError("the host changed:\n" + before.diff(after) + "\n" + context);
        }
    }

    /** Waits up to a few seconds for the host to be back to {@code before}; returns the state seen last. */
    public static HostState awaitEqual(HostState before) {
        HostState now = now();
        for (int i = 0; i < 50 && !now.equals(before); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = now();
        }
        return now;
    }
}
