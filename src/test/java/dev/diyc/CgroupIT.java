package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.cgroup.Cgroups;
import dev.diyc.cgroup.Hierarchy;
import dev.diyc.cgroup.Mountinfo;
import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.KillNine;
import dev.diyc.testing.Root;
import dev.diyc.testing.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Post 003's cgroup commands, made by diyc, against the kernel: a memory limit that gets a process
 * OOM-killed, a pids limit that refuses a fork, cgexec in both contexts, the cgroup v2 tree, and no
 * cgroup left after reset, exit or kill -9 (every IT's HostState compares the cgroup directories).
 */
class CgroupIT {
    private static Cgroups trees;
    private static Hierarchy memory;
    private static Hierarchy pids;

    @BeforeAll
    static void detect() throws IOException {
        // The test reads the machine's trees itself, to know which files diyc must write here.
        trees = new Cgroups(Mountinfo.hierarchies(Files.readString(Path.of("/proc/self/mountinfo")), Hierarchy::read), "", null);
        memory = trees.treeOf("memory");
        pids = trees.treeOf("pids");
    }

    /** The limits need both controllers; a machine without one fails here, it does not skip. */
    private static void assertTreesForMemoryAndPids() {
        assertNotNull(memory, "this machine mounts no cgroup tree with the memory controller");
        assertNotNull(pids, "this machine mounts no cgroup tree with the pids controller");
    }

    /** What a cgroup's directory looks like in diyc's strace lines: diyc-PID-NAME at the top of a tree. */
    private static String dir(Hierarchy h, String name) {
        return Pattern.quote(h.mount().toString()) + "/diyc-\\d+-" + name;
    }

    /** The transcript of a script that ran as root, once the host is checked to be as it was before. */
    private static Transcript run(String script) {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script(script);
        assertFalse(r.output().contains("\tat "), r.output());
        HostState.assertUnchanged(before, r.output());
        return new Transcript(r.output());
    }

    /** The host's shell is diyc's child, so $PPID names diyc's cgroups for the host's own programs. */
    private static String hostPath(Hierarchy h, String name, String file) {
        return h.mount() + "/diyc-$PPID-" + name + "/" + file;
    }

    @Test
    void theMemoryLimitOomKillsAndThePidsLimitRefusesForks() {
        assertTreesForMemoryAndPids();
        String oomFile = memory.version() == 1 ? "memory.oom_control" : "memory.events";
        Transcript t = run("host cgcreate -g memory,pids:box\n"
                + "host cgset -r memory.limit_in_bytes=32M box\n"
                + "host cgset -r memory.max=32m box\n"
                + "host cgset -r pids.max=10 box\n"
                + "ctr unshare --pid --fork --mount-proc\n"
                + "host cgclassify -g memory,pids:box $CTR\n"
                + "host cat /proc/$CTR/cgroup\n"
                + "ctr dd if=/dev/zero of=/dev/null bs=64M count=1\n"
                + "host cat " + hostPath(memory, "box", oomFile) + "\n"
                + "host cgget -r memory.oom_control box\n"
                + "ctr sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do sleep 1 & done'\n"
                + "host cat " + hostPath(pids, "box", "pids.events") + "\n"
                + "ctr echo $$\n");
        String create = t.output("host cgcreate -g memory,pids:box");
        assertTrue(Pattern.compile("mkdir\\(\"" + dir(memory, "box") + "\", 0755\\) = 0").matcher(create).find(), create);
        assertTrue(Pattern.compile("mkdir\\(\"" + dir(pids, "box") + "\", 0755\\) = 0").matcher(create).find(), create);

        // Post 003's v1 name and v2's name: each written as this machine's memory tree spells it, and said once.
        String v1Name = t.output("host cgset -r memory.limit_in_bytes=32M box");
        String v2Name = t.output("host cgset -r memory.max=32m box");
        String limitFile = memory.version() == 1 ? "memory.limit_in_bytes" : "memory.max";
        for (String out : List.of(v1Name, v2Name)) {
            assertTrue(Pattern.compile("write\\(\"" + dir(memory, "box") + "/" + Pattern.quote(limitFile) + "\", \"33554432\\\\n\"\\) = 9")
                    .matcher(out).find(), out);
        }
        String translated = memory.version() == 1 ? v2Name : v1Name;
        String own = memory.version() == 1 ? v1Name : v2Name;
        assertTrue(translated.contains(memory.version() == 1 ? "cgroup v1 here: memory.max is v2's name; diyc writes memory.limit_in_bytes"
                : "cgroup v2 here: memory.limit_in_bytes is v1's name; diyc writes memory.max"), translated);
        assertFalse(own.contains(" here: "), own);
        assertTrue(t.output("host cgset -r pids.max=10 box").contains("/pids.max\", \"10\\n\") = 3"), t.output("host cgset -r pids.max=10 box"));

        String attach = t.output("host cgclassify -g memory,pids:box $CTR");
        assertTrue(Pattern.compile("write\\(\"" + dir(memory, "box") + "/cgroup.procs\", \"\\d+\\\\n\"\\) = \\d").matcher(attach).find(), attach);
        assertTrue(Pattern.compile("(?m):/diyc-\\d+-box$").matcher(t.output("host cat /proc/$CTR/cgroup")).find(), t.output("host cat /proc/$CTR/cgroup"));

        // The kernel's own account, read by the host's cat: one OOM kill, dd's.
        assertTrue(t.output("ctr dd if=/dev/zero of=/dev/null bs=64M count=1").contains("Killed"), t.output("ctr dd if=/dev/zero of=/dev/null bs=64M count=1"));
        String kills = t.output("host cat " + hostPath(memory, "box", oomFile));
        assertEquals(1, Hierarchy.oomKills(kills), kills);
        assertTrue(t.output("host cgget -r memory.oom_control box").contains("oom_kill 1"), t.output("host cgget -r memory.oom_control box"));

        String bomb = t.output("ctr sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do sleep 1 & done'");
        assertTrue(bomb.contains("Cannot fork") || bomb.contains("can't fork"), bomb);
        String refused = t.output("host cat " + hostPath(pids, "box", "pids.events"));
        assertTrue(Pattern.compile("(?m)^max [1-9]").matcher(refused).find(), refused);
        assertTrue(t.output("ctr echo $$").startsWith("1\n"), "the container's shell survived both: " + t.output("ctr echo $$"));
    }

    /**
     * run's limits: the cgroup is made and limited before the unshare, the shell is born in it, its
     * cgroup namespace is rooted there, and the kernel enforces the limit. A second run reuses the
     * cgroup with its limits set anew; reset removes it.
     */
    @Test
    void runBearsTheContainerInALimitedCgroup() {
        assertTreesForMemoryAndPids();
        String limitFile = memory.version() == 1 ? "memory.limit_in_bytes" : "memory.max";
        Transcript t = run("run --memory 32M --pids 10 --hostname box\n"
                + "host cat /proc/$CTR/cgroup\n"
                + "ctr cat /proc/self/cgroup\n"
                + "host cat " + hostPath(memory, "run", limitFile) + "\n"
                + "host cat " + hostPath(pids, "run", "pids.max") + "\n"
                + "ctr sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do sleep 1 & done'\n"
                + "run --pids 20\n"
                + "host cat " + hostPath(pids, "run", "pids.max") + "\n"
                + "reset\n");
        String first = t.output("run --memory 32M --pids 10 --hostname box");
        int created = first.indexOf("run › host cgcreate -g memory,pids:run");
        int limited = first.indexOf("run › host cgset -r " + limitFile + "=32M run");
        int born = first.indexOf("run › ctr cgexec -g memory,pids:run unshare --mount --uts --ipc --pid --fork --cgroup");
        // CLONE_NEWPID is unshared by the thread that forks the container's PID 1 (the container's own thread could
        // start no thread after it), right after the others
        int unshared = first.indexOf("unshare(CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC) = 0");
        int pidUnshared = first.indexOf("unshare(CLONE_NEWPID) = 0");
        assertTrue(created >= 0 && created < limited && limited < born && born < unshared && unshared < pidUnshared,
                "cgroup, limits, then the namespaces:\n" + first);
        // the image under a fresh writable layer, then put_old made and removed by diyc's own calls, printed in order with the rest
        int layered = first.indexOf("mount(\"overlay\", \"run/1/merged\", \"overlay\", 0, \"lowerdir=rootfs,upperdir=run/1/upper,workdir=run/1/work\") = 0");
        int made = first.indexOf("mkdir(\"run/1/merged/.oldroot\", 0777) = 0");
        int pivoted = first.indexOf("pivot_root(\"run/1/merged\", \"run/1/merged/.oldroot\") = 0");
        int removed = first.indexOf("rmdir(\"/.oldroot\") = 0");
        assertTrue(unshared < layered && layered < made && made < pivoted && pivoted < removed, first);
        assertTrue(Pattern.compile("mkdir\\(\"" + dir(pids, "run") + "\", 0755\\) = 0").matcher(first).find(), first);
        assertTrue(Pattern.compile("write\\(\"" + dir(pids, "run") + "/cgroup.procs\", \"\\d+\\\\n\"\\) = \\d").matcher(first).find(), first);

        String hostView = t.output("host cat /proc/$CTR/cgroup");
        assertTrue(Pattern.compile("(?m)^\\d+:pids:/diyc-\\d+-run$|^0::/diyc-\\d+-run$").matcher(hostView).find(), hostView);
        assertTrue(Pattern.compile("(?m)^\\d+:memory:/diyc-\\d+-run$|^0::/diyc-\\d+-run$").matcher(hostView).find(), hostView);
        String inside = t.output("ctr cat /proc/self/cgroup");
        assertTrue(Pattern.compile("(?m)^\\d+:pids:/$|^0::/$").matcher(inside).find(), "the cgroup namespace is rooted at run: " + inside);
        assertFalse(inside.contains("diyc-"), inside);

        assertEquals("33554432\n", t.output("host cat " + hostPath(memory, "run", limitFile)));
        assertEquals("10\n", t.output("host cat " + hostPath(pids, "run", "pids.max"), 0));
        String bomb = t.output("ctr sh -c 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do sleep 1 & done'");
        assertTrue(bomb.contains("Cannot fork") || bomb.contains("can't fork"), bomb);

        String second = t.output("run --pids 20");
        assertTrue(second.contains("run › host cgcreate -g pids:run") && second.contains("exists already"), second);
        assertFalse(second.contains("memory"), "no memory limit asked for, none set or joined: " + second);
        assertTrue(second.contains("mount(\"overlay\", \"run/2/merged\", \"overlay\", 0, \"lowerdir=rootfs,upperdir=run/2/upper,workdir=run/2/work\") = 0"),
                "each run gets a fresh layer: " + second);
        assertEquals("20\n", t.output("host cat " + hostPath(pids, "run", "pids.max"), 1));
        String reset = t.output("reset");
        assertTrue(Pattern.compile("rmdir\\(\"" + dir(pids, "run") + "\"\\) = 0").matcher(reset).find(), reset);
        assertTrue(Pattern.compile("rmdir\\(\"" + dir(memory, "run") + "\"\\) = 0").matcher(reset).find(), reset);
    }

    /**
     * unshare --user goes through util-linux's unshare as a helper, which forks the shell: both must
     * end up in the cgroup, whichever of the move and the fork came first.
     */
    @Test
    void aUserNamespaceContainerJoinsTheCgroupLikeAnyOther() {
        Transcript t = run("host cgcreate -g pids:box\n"
                + "ctr cgexec -g pids:box unshare --user --map-root-user --pid --fork --mount-proc\n"
                + "host cat /proc/$CTR/cgroup\n"
                + "host cat " + hostPath(pids, "box", "cgroup.procs") + "\n"
                + "ctr echo $$\n");
        String shell = t.output("host cat /proc/$CTR/cgroup");
        assertTrue(Pattern.compile("(?m)^\\d+:pids:/diyc-\\d+-box$|^0::/diyc-\\d+-box$").matcher(shell).find(), shell);
        List<String> procs = t.output("host cat " + hostPath(pids, "box", "cgroup.procs")).lines().toList();
        assertEquals(2, procs.size(), "the helper (unshare, waiting for its child) and the shell: " + procs);
        assertTrue(t.output("ctr echo $$").startsWith("1\n"), t.output("ctr echo $$"));
    }

    /** chroot DIR CMD: CMD is born where the container's shell would fork it, in box and its PID namespace. */
    @Test
    void chrootsCommandStartsInTheContainersCgroup() {
        Transcript t = run("host cgcreate -g pids:box\n"
                + "ctr unshare --pid --fork --mount-proc\n"
                + "host cgclassify -g pids:box $CTR\n"
                + "ctr chroot / /bin/sh -c 'echo pid $$; cat /proc/self/cgroup'\n");
        String out = t.output("ctr chroot / /bin/sh -c 'echo pid $$; cat /proc/self/cgroup'");
        assertTrue(Pattern.compile("(?m)^\\d+:pids:/diyc-\\d+-box$|^0::/diyc-\\d+-box$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^pid [2-9]$").matcher(out).find(), "a PID of the container's namespace: " + out);
    }

    /** Post 003's lines as the post types them (with its cgroup_id spelled out), cpu and cpuacct included. */
    @Test
    void post003sLinesAsWritten() {
        Transcript t = run("""
                host cgcreate -g "cpu,cpuacct,memory:12345"
                host cgset -r cpu.shares=512 "12345"
                host cgset -r memory.limit_in_bytes=100000000 "12345"
                ctr cgexec -g "cpu,cpuacct,memory:12345" unshare -fpnumi --mount-proc
                host cat /proc/$CTR/cgroup
                """);
        Hierarchy cpu = trees.treeOf("cpu");
        String shares = t.output("host cgset -r cpu.shares=512 \"12345\"");
        String expected = cpu.version() == 1 ? "/cpu.shares\", \"512\\n\"" : "/cpu.weight\", \"20\\n\"";
        assertTrue(shares.contains(expected), shares);
        String limit = t.output("host cgset -r memory.limit_in_bytes=100000000 \"12345\"");
        assertTrue(limit.contains("\"100000000\\n\") = 10"), limit);
        String at = t.output("host cat /proc/$CTR/cgroup");
        for (String c : List.of("cpu", "cpuacct", "memory")) {
            Hierarchy h = trees.treeOf(c);
            if (h == null) {
                continue; // v2 has no cpuacct: its accounting is part of cpu
            }
            String field = h.version() == 1 ? String.join(",", h.controllers().stream().sorted().toList()) : "";
            assertTrue(Pattern.compile("(?m)^\\d+:" + Pattern.quote(field) + ":/diyc-\\d+-12345$").matcher(at).find(), c + " in " + at);
        }
    }

    @Test
    void cgexecRunsTheCommandInTheCgroupAndLeavesTheShellsWhereTheyWere() {
        Transcript t = run("""
                host cgcreate -g memory,pids:box
                host cat /proc/self/cgroup
                host cgexec -g memory,pids:box cat /proc/self/cgroup
                host cat /proc/$$/cgroup
                ctr unshare --pid --fork --mount-proc
                ctr cgexec -g pids:box cat /proc/self/cgroup
                ctr cat /proc/$$/cgroup
                ctr exit
                ctr cgexec -g memory,pids:box unshare --pid --fork --mount-proc
                host cat /proc/$CTR/cgroup
                ctr echo $$
                host cgexec -g pids:nope true
                host cgexec -g memory:box cgset -r pids.max=1 box
                """);
        String host = t.output("host cat /proc/self/cgroup");
        assertFalse(host.contains("diyc-"), host);
        String inside = t.output("host cgexec -g memory,pids:box cat /proc/self/cgroup");
        assertTrue(Pattern.compile("(?m)^\\d+:" + (memory.version() == 1 ? "memory" : "") + ":/diyc-\\d+-box$").matcher(inside).find(), inside);
        assertTrue(inside.contains("the shell goes back where it was"), inside);
        assertEquals(host, t.output("host cat /proc/$$/cgroup"), "diyc's host shell is not left in the limited cgroup");

        String ctrInside = t.output("ctr cgexec -g pids:box cat /proc/self/cgroup");
        assertTrue(Pattern.compile("(?m)^\\d+:" + (pids.version() == 1 ? "pids" : "") + ":/diyc-\\d+-box$").matcher(ctrInside).find(), ctrInside);
        assertFalse(t.output("ctr cat /proc/$$/cgroup").contains("diyc-"), "nor is the container's shell");

        // Post 003's form: cgexec ... unshare, a container born in the cgroup.
        String born = t.output("ctr cgexec -g memory,pids:box unshare --pid --fork --mount-proc");
        assertTrue(born.contains("the new process joins the container shell's cgroup"), born);
        assertTrue(Pattern.compile("(?m):/diyc-\\d+-box$").matcher(t.output("host cat /proc/$CTR/cgroup")).find(), t.output("host cat /proc/$CTR/cgroup"));
        assertEquals("1\n", t.output("ctr echo $$"));
        assertTrue(t.output("host cgexec -g pids:nope true").startsWith("diyc: cgexec: this session has no cgroup nope"), t.output("host cgexec -g pids:nope true"));
        assertTrue(t.output("host cgexec -g memory:box cgset -r pids.max=1 box").startsWith("diyc: cgexec: run cgset by itself"),
                t.output("host cgexec -g memory:box cgset -r pids.max=1 box"));
    }

    /**
     * This machine's cgroup v2 tree holds neither memory nor pids (they are bound to v1), so the v2
     * limits cannot be exercised here (the unit tests cover the files diyc writes there). What a v2
     * tree without controllers does take is tested for real: a cgroup made, a process attached, the
     * cgroup namespace rooted there, removal with the process still inside.
     */
    @Test
    void theCgroupV2TreeTakesACgroupAProcessAndANamespace() {
        Hierarchy v2 = trees.unified();
        Transcript t = run("""
                host cgcreate -g :box
                host cgclassify -g :box $CTR
                host cat /proc/$CTR/cgroup
                ctr unshare --cgroup
                ctr cat /proc/self/cgroup
                host cgdelete -g :box
                host cat /proc/$CTR/cgroup
                """);
        if (v2 == null) {
            assertTrue(t.output("host cgcreate -g :box").contains("mounts no cgroup v2 tree"), t.output("host cgcreate -g :box"));
            return;
        }
        assertTrue(Pattern.compile("mkdir\\(\"" + dir(v2, "box") + "\", 0755\\) = 0").matcher(t.output("host cgcreate -g :box")).find());
        assertTrue(Pattern.compile("(?m)^0::/diyc-\\d+-box$").matcher(t.output("host cat /proc/$CTR/cgroup")).find(), t.output("host cat /proc/$CTR/cgroup"));
        assertTrue(t.output("ctr unshare --cgroup").contains("CLONE_NEWCGROUP) = 0"), t.output("ctr unshare --cgroup"));
        assertTrue(Pattern.compile("(?m)^0::/$").matcher(t.output("ctr cat /proc/self/cgroup")).find(), t.output("ctr cat /proc/self/cgroup"));
        String delete = t.output("host cgdelete -g :box");
        assertTrue(delete.contains("box still holds process"), delete);
        assertTrue(Pattern.compile("rmdir\\(\"" + dir(v2, "box") + "\"\\) = 0").matcher(delete).find(), delete);
        assertTrue(Pattern.compile("(?m)^0::/$").matcher(t.output("host cat /proc/$CTR/cgroup", 1)).find(), "moved to the parent, the top");
    }

    @Test
    void resetRemovesTheCgroupsWithTheContainerStillInThem() {
        Transcript t = run("""
                host cgcreate -g memory,pids:box -g memory:other
                ctr unshare --pid --fork --mount-proc
                host cgclassify -g memory,pids:box $CTR
                ctr sleep 30 &
                reset
                host cgget -r pids.current box
                """);
        String reset = t.output("reset");
        assertTrue(reset.contains("diyc removes the cgroup it made for you: box"), reset);
        assertTrue(reset.contains("diyc removes the cgroup it made for you: other"), reset);
        assertTrue(Pattern.compile("rmdir\\(\"" + dir(memory, "box") + "\"\\) = 0").matcher(reset).find(), reset);
        assertTrue(Pattern.compile("rmdir\\(\"" + dir(pids, "box") + "\"\\) = 0").matcher(reset).find(), reset);
        assertTrue(t.output("host cgget -r pids.current box").startsWith("diyc: cgget: this session has no cgroup box"), t.output("host cgget -r pids.current box"));
    }

    /** After kill -9 the lifeline kills the container, empties the cgroups into their parents and removes them. */
    @Test
    void aKilledDiycLeavesNoCgroupBehind() throws Exception {
        Root.require();
        HostState before = HostState.now();
        Diyc.Started diyc = Diyc.startUntil("host cgcreate -g memory,pids:box -g :box\n"
                + "host cgset -r memory.limit_in_bytes=64M -r pids.max=20 box\n"
                + "ctr unshare --pid --fork --mount-proc --cgroup\n"
                + "host cgclassify -g memory,pids:box $CTR\n"
                // a sub-cgroup the learner made by hand, which must go first
                + "host mkdir " + pids.mount() + "/diyc-$PPID-box/inner\n"
                + "ctr sleep 60 &\n"
                + "ctr echo READY\n"
                + "ctr sleep 98\n", "READY");
        List<String> made = HostState.readCgroups().stream().filter(c -> c.matches(".*/diyc-\\d+-box(/inner)?")).toList();
        // v1: box in the memory and the pids tree; v2: one box for both. And inner, in pids' tree.
        int boxes = memory.mount().equals(pids.mount()) ? 1 : 2;
        assertTrue(made.size() >= boxes + 1 && made.stream().anyMatch(c -> c.endsWith("/inner")),
                "box in the trees of memory and pids, and inner: " + made + "\n" + diyc.before());
        Thread.sleep(300); // the foreground sleep 98 has started
        KillNine.of(diyc.process());
        HostState.assertUnchanged(before, "after kill -9 of diyc; its output:\n" + diyc.before());
    }
}
