package dev.diyc.view;

import dev.diyc.ns.Context;
import dev.diyc.ns.Namespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a context sees, read from the host through /proc/PID of the context's shell: its namespaces,
 * its mount table, its root, the /proc mounted in its root. The same probes serve the side-by-side
 * views and the lessons' checks, so a check sees exactly what the learner is shown.
 */
public final class Probes {
    private Probes() {}

    /** {@code type id} per namespace type, as {@code ls -l /proc/$$/ns} shows them. */
    public static String namespaces(Context ctx) {
        StringBuilder b = new StringBuilder();
        for (Namespace n : Namespace.values()) {
            String id = ctx.namespace(n);
            if (id != null) {
                b.append(id).append('\n');
            }
        }
        return b.toString();
    }

    /** A mount as the context's mountinfo lists it. */
    public record Mount(String point, String type) {}

    /** A process as the context's /proc shows it. */
    public record Process(int pid, String user, String command) {}

    /** The mounts the context sees, in mount order; mount points relative to the context's root. */
    public static List<Mount> mounts(Context ctx) {
        List<Mount> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(ctx.proc().resolve("mountinfo"))) {
                String[] f = line.split(" ");
                int dash = List.of(f).indexOf("-");
                out.add(new Mount(unescape(f[4]), f[dash + 1]));
            }
        } catch (IOException e) {
            // the shell is gone: no mounts to show
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }

    /** A path as the context's shell would resolve it: against its root, or its working directory. */
    public static Path resolve(Context ctx, String path) {
        Path base = ctx.proc().resolve(path.startsWith("/") ? "root" : "cwd");
        String rel = path.replaceFirst("^/+", "");
        return rel.isEmpty() ? base : base.resolve(rel);
    }

    /** Names in a directory of the context, sorted; a one-line reason when it cannot be listed. */
    public static String ls(Context ctx, String path) {
        Path dir = resolve(ctx, path);
        try (Stream<Path> s = Files.list(dir)) {
            return String.join("\n", s.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            return "ls: " + path + ": " + (Files.exists(dir) ? "cannot read" : "No such file or directory");
        }
    }

    public static boolean exists(Context ctx, String path) {
        return Files.exists(resolve(ctx, path), LinkOption.NOFOLLOW_LINKS);
    }

    public static String file(Context ctx, String path) {
        try {
            return Files.readString(resolve(ctx, path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "cat: " + path + ": No such file or directory";
        }
    }

    /**
     * The processes the context's {@code ps} would list: those in the /proc mounted in its root, with
     * their PIDs as that /proc numbers them. A container without its own /proc sees the host's. Null
     * when there is no procfs at /proc in the context's root, so {@code ps} has nothing to read.
     */
    public static List<Process> processes(Context ctx) {
        Path proc = ctx.proc().resolve("root/proc");
        List<Integer> pids;
        try (Stream<Path> s = Files.list(proc)) {
            pids = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).map(Integer::valueOf).sorted().toList();
        } catch (IOException e) {
            return null;
        }
        if (pids.isEmpty()) {
            return null; // an empty directory, not a procfs
        }
        Map<Integer, String> users = users(ctx);
        List<Process> out = new ArrayList<>();
        for (int pid : pids) {
            Path dir = proc.resolve(Integer.toString(pid));
            String cmd = command(dir);
            if (cmd != null) { // null: it exited while we looked
                int uid = uid(dir);
                out.add(new Process(pid, users.getOrDefault(uid, Integer.toString(uid)), cmd));
            }
        }
        return out;
    }

    /** A namespace as lsns lists it: its id, type, how many processes are in it, and the first of them. */
    public record NamespaceUse(long inode, Namespace type, int processes, int pid, String user, String command) {}

    /**
     * The namespaces of the processes the context's /proc shows, as util-linux's lsns lists them
     * (one row per namespace, with its lowest PID), or null when there is no /proc to read.
     */
    public static List<NamespaceUse> namespaceUses(Context ctx, Namespace only) {
        List<Process> ps = processes(ctx);
        if (ps == null) {
            return null;
        }
        Path proc = ctx.proc().resolve("root/proc");
        Map<String, NamespaceUse> uses = new LinkedHashMap<>();
        for (Process p : ps) {
            for (Namespace n : Namespace.values()) {
                if ((only != null && n != only) || n == Namespace.PID_FOR_CHILDREN || n == Namespace.TIME_FOR_CHILDREN) {
                    continue;
                }
                String id = n.of(proc.resolve(Integer.toString(p.pid())));
                if (id == null) {
                    continue; // a kernel thread's namespaces cannot be read; lsns skips them too
                }
                NamespaceUse u = uses.get(id);
                long inode = Long.parseLong(id.substring(id.indexOf('[') + 1, id.length() - 1));
                uses.put(id, u == null ? new NamespaceUse(inode, n, 1, p.pid(), p.user(), p.command())
                        : new NamespaceUse(inode, n, u.processes() + 1, u.pid(), u.user(), u.command()));
            }
        }
        return uses.values().stream().sorted(Comparator.comparingLong(NamespaceUse::inode)).toList();
    }

    private static String command(Path procDir) {
        try {
            byte[] raw = Files.readAllBytes(procDir.resolve("cmdline"));
            if (raw.length == 0) {
                String comm = Files.readString(procDir.resolve("comm")).strip();
                return "[" + comm + "]";
            }
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static int uid(Path procDir) {
        try {
            for (String line : Files.readAllLines(procDir.resolve("status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return -1;
    }

    /** User names from the context's own /etc/passwd, as its ps would print them. */
    private static Map<Integer, String> users(Context ctx) {
        Map<Integer, String> names = new HashMap<>();
        try {
            for (String line : Files.readAllLines(ctx.proc().resolve("root/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 2 && f[2].matches("\\d+")) {
                    names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                }
            }
        } catch (IOException e) {
            // no passwd: numbers it is
        }
        return names;
    }
}
