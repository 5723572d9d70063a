package dev.diyc.cgroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The cgroup trees this machine mounts, and diyc's cgroups in them. Every change is a write, mkdir
 * or rmdir through {@link Fs} (in diyc: {@link dev.diyc.sys.Syscalls}, so it is printed as strace
 * would); reads are not recorded.
 *
 * <p>A learner's name ({@code box}) becomes a directory named for this diyc session
 * ({@code diyc-4242-box}) at the top of each tree that holds one of its controllers, so two diyc
 * sessions on one machine never share a cgroup.
 */
public final class Cgroups {
    /** How diyc changes cgroup files and directories. */
    public interface Fs extends Hierarchy.Writer {
        void mkdir(Path dir, String note);

        /** Removes an empty cgroup; may wait a moment for processes that are still exiting. */
        void rmdir(Path dir, String note);
    }

    /** A file read for cgget: where it was, and what it said. */
    public record Reading(Path file, String content) {}

    private final List<Hierarchy> trees;
    private final String prefix;
    private final Fs fs;
    private final CgroupKnobs knobs;
    private final CgroupRemoval removal;

    public Cgroups(List<Hierarchy> trees, String prefix, Fs fs) {
        this.trees = List.copyOf(trees);
        this.prefix = prefix;
        this.fs = fs;
        this.knobs = new CgroupKnobs(this, fs);
        this.removal = new CgroupRemoval(fs);
    }

    /**
     * The host's trees, read from /proc/self/mountinfo the first time they are asked for; names
     * unique to this JVM. A fact of the machine and of this process, the same for every lab in it,
     * so one immutable value (its writes go to the recorder of the thread that makes them). Tests
     * that want other trees make a Cgroups of their own.
     */
    public static Cgroups host() {
        return Host.CGROUPS;
    }

    /** Holds {@link #host()}: the JVM computes it once, on first use, safely across threads. */
    private static final class Host {
        static final Cgroups CGROUPS = new Cgroups(Mountinfo.hierarchies(readOrEmpty(Path.of("/proc/self/mountinfo")), Hierarchy::read),
                sessionPrefix(), new SyscallFs());
    }

    /** {@code diyc-PID-}: the prefix of this session's cgroup directories. */
    public static String sessionPrefix() {
        return "diyc-" + ProcessHandle.current().pid() + "-";
    }

    public List<Hierarchy> trees() {
        return trees;
    }

    /** The tree that holds a controller: a v1 hierarchy of its own, else the v2 tree if it has it; null if none. */
    public Hierarchy treeOf(String controller) {
        for (Hierarchy h : trees) {
            if (h.version() == 1 && h.has(controller)) {
                return h;
            }
        }
        Hierarchy v2 = unified();
        return v2 != null && v2.has(controller) ? v2 : null;
    }

    /** The cgroup v2 tree, or null on a machine with only v1. */
    public Hierarchy unified() {
        return trees.stream().filter(h -> h.version() == 2).findFirst().orElse(null);
    }

    /** One line on which trees hold memory and pids here, for the learner. */
    public String layout() {
        Hierarchy memory = treeOf("memory");
        Hierarchy pids = treeOf("pids");
        Hierarchy v2 = unified();
        if (memory != null && memory.version() == 2 && pids != null && pids.version() == 2) {
            return "cgroup v2 here: one tree at " + v2.mount() + " for every controller";
        }
        List<String> parts = new ArrayList<>();
        for (Hierarchy h : new LinkedHashSet<>(Arrays.asList(memory, pids))) {
            if (h != null) {
                parts.add(h.describe());
            }
        }
        String v1 = parts.isEmpty() ? "no tree with memory or pids here" : String.join(", ", parts);
        return v1 + (v2 != null && (memory == null || memory.version() == 1) ? "; and a " + v2.describe() : "");
    }

    public String dirName(String name) {
        return prefix + name;
    }

    /** The trees a {@code -g} spec names, each once: a tree per controller; no controller means the v2 tree. */
    public List<Hierarchy> treesFor(GroupSpec spec, Consumer<String> say) {
        Set<Hierarchy> out = new LinkedHashSet<>();
        if (spec.controllers().isEmpty()) {
            Hierarchy v2 = unified();
            if (v2 == null) {
                throw new IllegalArgumentException("this machine mounts no cgroup v2 tree for :" + spec.name() + "; name controllers, such as memory,pids:" + spec.name());
            }
            out.add(v2);
        }
        for (String c : spec.controllers()) {
            Hierarchy h = treeOf(c);
            if (h == null && c.equals("cpuacct") && treeOf("cpu") != null && treeOf("cpu").version() == 2) {
                say.accept("cgroup v2 here: there is no cpuacct controller, its accounting is in cpu (cpu.stat); diyc uses cpu");
                h = treeOf("cpu");
            }
            if (h == null) {
                throw new IllegalArgumentException("no cgroup tree on this machine has the " + c + " controller (" + layout() + ")");
            }
            out.add(h);
        }
        return new ArrayList<>(out);
    }

    /** The cgroup as it is now: the directories it has (none if it was never made, or is gone). */
    public Cgroup find(String name) {
        Map<Hierarchy, Path> dirs = new LinkedHashMap<>();
        for (Hierarchy h : trees) {
            Path d = h.mount().resolve(dirName(name));
            if (Files.isDirectory(d)) {
                dirs.put(h, d);
            }
        }
        return new Cgroup(name, dirName(name), dirs);
    }

    /** Like {@link #find}, but a cgroup with no directory is a mistake to report. */
    public Cgroup require(String name) {
        Cgroup cg = find(name);
        if (!cg.exists()) {
            throw new IllegalArgumentException("this session has no cgroup " + name + ": make it first, e.g. cgcreate -g memory,pids:" + name);
        }
        return cg;
    }

    /** Makes the cgroup's directory in each tree the spec names (those it lacks). */
    public Cgroup create(GroupSpec spec, Consumer<String> say) {
        for (Hierarchy h : treesFor(spec, say)) {
            Set<String> wanted = new LinkedHashSet<>(spec.controllers());
            wanted.retainAll(h.controllers());
            String why = h.cannotCreate(wanted);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
            Path d = h.mount().resolve(dirName(spec.name()));
            if (Files.isDirectory(d)) {
                say.accept(d + " exists already");
            } else {
                fs.mkdir(d, null);
            }
        }
        return find(spec.name());
    }

    /** {@code cgset -r FILE=VALUE}: the value written to the file this tree has, in the units it takes. */
    public void set(Cgroup cg, String file, String value, Consumer<String> say) {
        knobs.set(cg, file, value, say);
    }

    /** {@code cgget -r FILE}: the file this tree has for what the learner named. */
    public Reading get(Cgroup cg, String file, Consumer<String> say) {
        return knobs.get(cg, file, say);
    }

    /** The files of one controller in the cgroup ({@code cgget -g memory:box}), sorted. */
    public List<Path> filesOf(Cgroup cg, String controller) {
        return knobs.filesOf(cg, controller);
    }

    /**
     * Removes the cgroup's directories in the given trees (see {@link CgroupRemoval}).
     *
     * @param recursive remove sub-cgroups too (cgdelete -r; always when diyc cleans up)
     * @return the directories removed
     */
    public List<Path> remove(Cgroup cg, List<Hierarchy> in, boolean recursive, Consumer<String> say) {
        return removal.remove(cg, in, recursive, say);
    }

    /** Puts a process (with all its threads) in the cgroup, in each of the given trees. */
    public void attach(Cgroup cg, List<Hierarchy> in, int pid, String note) {
        String why = note;
        for (Hierarchy h : in) {
            Path dir = cg.dirs().get(h);
            if (dir == null) {
                throw new IllegalArgumentException(cg.name() + " has no directory in " + h.describe() + ": cgcreate it there first");
            }
            fs.write(dir.resolve("cgroup.procs"), pid + "\n", why);
            why = null; // said once
        }
    }

    /** The PIDs in a cgroup's cgroup.procs. */
    public static List<Integer> procs(Path dir) {
        String s = Hierarchy.read(dir.resolve("cgroup.procs"));
        List<Integer> pids = new ArrayList<>();
        if (s != null) {
            for (String line : s.split("\n")) {
                if (!line.isBlank()) {
                    pids.add(Integer.parseInt(line.strip()));
                }
            }
        }
        return pids;
    }

    /** Where a process is in each tree, from the host's /proc/PID/cgroup (empty if it is gone). */
    public Map<Hierarchy, String> membership(int pid) {
        return membership(readOrEmpty(Path.of("/proc/" + pid + "/cgroup")), trees);
    }

    /** Where a thread of this JVM is in each tree. */
    public Map<Hierarchy, String> threadMembership(int tid) {
        return membership(readOrEmpty(Path.of("/proc/self/task/" + tid + "/cgroup")), trees);
    }

    /** Parses /proc/PID/cgroup ({@code 4:memory:/diyc-4242-box}, {@code 0::/}) against the mounted trees. */
    public static Map<Hierarchy, String> membership(String procCgroup, List<Hierarchy> trees) {
        Map<Hierarchy, String> at = new LinkedHashMap<>();
        for (String line : procCgroup.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            for (Hierarchy h : trees) {
                if (h.ownsLine(f[1])) {
                    at.put(h, f[2].strip());
                }
            }
        }
        return at;
    }

    /**
     * Puts {@code pid} in every cgroup {@code model} is in, where it is elsewhere: a shell diyc's
     * thread started takes the place of one the container's old shell would have forked, and a
     * child is born in its parent's cgroups.
     */
    public void joinLike(int model, int pid, String note) {
        move(pid, membership(model), note, false);
    }

    /** Writes pid into each of the cgroups given where it is elsewhere, saying why once. */
    private void move(int pid, Map<Hierarchy, String> to, String note, boolean onlyWhereItIs) {
        Map<Hierarchy, String> now = membership(pid);
        String why = note;
        for (var e : to.entrySet()) {
            if ((!onlyWhereItIs || now.containsKey(e.getKey())) && !Objects.equals(e.getValue(), now.get(e.getKey()))) {
                fs.write(e.getKey().dir(e.getValue()).resolve("cgroup.procs"), pid + "\n", why);
                why = null;
            }
        }
    }

    /** Puts a process back where it was (cgexec's shell, after the command). */
    public void restore(int pid, Map<Hierarchy, String> before, String note) {
        move(pid, before, note, true);
    }

    private static String readOrEmpty(Path file) {
        String s = Hierarchy.read(file);
        return s == null ? "" : s;
    }
}
