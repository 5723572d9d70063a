package dev.diyc.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files diyc writes for each version, against directory trees laid out as the kernel lays out
 * cgroupfs (so the v2 path is exercised on a machine whose v2 tree has no memory or pids), with the
 * writes collected instead of made.
 */
class CgroupsTest {
    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();
    private final List<String> said = new ArrayList<>();

    private final Cgroups.Fs fs = new Cgroups.Fs() {
        @Override
        public void write(Path file, String content, String note) {
            log.add("write " + tmp.relativize(file) + " " + content.strip() + (note == null ? "" : " # " + note));
        }

        @Override
        public void mkdir(Path dir, String note) {
            log.add("mkdir " + tmp.relativize(dir));
            try {
                Files.createDirectory(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void rmdir(Path dir, String note) {
            log.add("rmdir " + tmp.relativize(dir));
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.delete(f); // a cgroup's files go with its directory
                }
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private Cgroups unified(String subtreeControl) throws IOException {
        Path root = tmp.resolve("v2");
        Files.createDirectories(root);
        Files.writeString(root.resolve("cgroup.subtree_control"), subtreeControl);
        return new Cgroups(List.of(new CgroupV2(root, "/", Set.of("cpu", "memory", "pids"))), "diyc-7-", fs);
    }

    private Cgroups hybrid() throws IOException {
        Files.createDirectories(tmp.resolve("memory"));
        Files.createDirectories(tmp.resolve("pids"));
        return new Cgroups(List.of(new CgroupV1(tmp.resolve("memory"), "/", Set.of("memory"), null),
                new CgroupV1(tmp.resolve("pids"), "/", Set.of("pids"), null)), "diyc-7-", fs);
    }

    /** What the kernel puts in a new cgroup's directory, as far as diyc looks. */
    private void kernelFills(Path dir, String... files) throws IOException {
        for (String f : files) {
            int eq = f.indexOf('=');
            Files.writeString(dir.resolve(eq < 0 ? f : f.substring(0, eq)), eq < 0 ? "" : f.substring(eq + 1));
        }
    }

    @Test
    void onV2ThePostsV1NamesAreWrittenAsV2s() throws IOException {
        Cgroups c = unified("cpu memory pids\n");
        Cgroup box = c.create(GroupSpec.parse("memory,pids:box"), said::add);
        assertEquals(List.of("mkdir v2/diyc-7-box"), log, "one directory for both controllers");
        kernelFills(box.dirs().values().iterator().next(), "memory.max=max\n", "memory.swap.max=max\n", "pids.max=max\n",
                "memory.events=low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n");
        log.clear();
        c.set(box, "memory.limit_in_bytes", "100M", said::add);
        c.set(box, "pids.max", "20", said::add);
        c.set(box, "cpu.shares", "512", said::add);
        assertEquals(List.of(
                "write v2/diyc-7-box/memory.max 104857600",
                "write v2/diyc-7-box/memory.swap.max 0 # and no swap: beyond memory.max the OOM killer acts instead of swapping",
                "write v2/diyc-7-box/pids.max 20",
                "write v2/diyc-7-box/cpu.weight 20 # the scales differ: cpu.shares 512 is cpu.weight 20"), log);
        assertEquals(List.of("cgroup v2 here: memory.limit_in_bytes is v1's name; diyc writes memory.max",
                "cgroup v2 here: cpu.shares is v1's name; diyc writes cpu.weight"), said);
        Cgroups.Reading oom = c.get(box, "memory.oom_control", said::add);
        assertEquals("memory.events", oom.file().getFileName().toString());
        assertEquals(1, Hierarchy.oomKills(oom.content()));
        assertEquals("cgroup v2 here: memory.oom_control is v1's name; diyc reads memory.events", said.get(2));
    }

    /** memory:box made in c, with the files given as the kernel would put them there; the log cleared. */
    private Cgroup memoryBox(Cgroups c, String... files) throws IOException {
        Cgroup box = c.create(GroupSpec.parse("memory:box"), said::add);
        kernelFills(box.paths().get(0), files);
        log.clear();
        return box;
    }

    @Test
    void onV2ALimitUpToMaxLeavesSwapAlone() throws IOException {
        Cgroups c = unified("memory pids");
        Cgroup box = memoryBox(c, "memory.max", "memory.swap.max");
        c.set(box, "memory.max", "max", said::add);
        assertEquals(List.of("write v2/diyc-7-box/memory.max max", "write v2/diyc-7-box/memory.swap.max max"), log);
        assertTrue(said.isEmpty(), "memory.max is v2's own name: nothing to say");
    }

    @Test
    void onV2ControllersNotPassedToChildrenAreRefusedNotEnabled() throws IOException {
        Cgroups c = unified("cpu\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.create(GroupSpec.parse("memory,pids:box"), said::add));
        assertTrue(e.getMessage().startsWith("memory is not enabled for the cgroups under "), e.getMessage());
        assertTrue(e.getMessage().endsWith("echo +memory > " + tmp.resolve("v2/cgroup.subtree_control")), e.getMessage());
        assertTrue(log.isEmpty(), "nothing made, the host's subtree_control untouched");
        assertFalse(c.find("box").exists());
    }

    @Test
    void onV2AnEmptySpecIsTheTreeWithoutControllers() throws IOException {
        Cgroups c = unified("");
        Cgroup box = c.create(GroupSpec.parse(":box"), said::add);
        assertEquals(List.of("mkdir v2/diyc-7-box"), log);
        c.attach(box, c.treesFor(GroupSpec.parse(":box"), said::add), 4242, "why");
        assertEquals("write v2/diyc-7-box/cgroup.procs 4242 # why", log.get(1));
    }

    @Test
    void onV1TwoTreesTwoDirectoriesAndMemswKeptAboveTheLimit() throws IOException {
        Cgroups c = hybrid();
        Cgroup box = c.create(GroupSpec.parse("memory,pids:box"), said::add);
        assertEquals(List.of("mkdir memory/diyc-7-box", "mkdir pids/diyc-7-box"), log);
        Path mem = box.dirs().get(c.treeOf("memory"));
        kernelFills(mem, "memory.limit_in_bytes=9223372036854771712\n", "memory.memsw.limit_in_bytes=9223372036854771712\n");
        log.clear();
        c.set(box, "memory.max", "32m", said::add);
        assertEquals(List.of("write memory/diyc-7-box/memory.limit_in_bytes 33554432",
                "write memory/diyc-7-box/memory.memsw.limit_in_bytes 33554432 # and memory+swap to the same: beyond the limit the OOM killer acts instead of swap"),
                log, "going down: the memory limit first");
        assertEquals(List.of("cgroup v1 here: memory.max is v2's name; diyc writes memory.limit_in_bytes"), said);
        Files.writeString(mem.resolve("memory.memsw.limit_in_bytes"), "33554432\n");
        Files.writeString(mem.resolve("memory.limit_in_bytes"), "33554432\n");
        log.clear();
        c.set(box, "memory.limit_in_bytes", "1G", said::add);
        assertEquals(List.of("write memory/diyc-7-box/memory.memsw.limit_in_bytes 1073741824 # memory+swap first: v1 refuses a memory limit above it (EINVAL)",
                "write memory/diyc-7-box/memory.limit_in_bytes 1073741824"), log, "going up: memory+swap first");
        log.clear();
        c.set(box, "memory.swap.max", "0", said::add);
        assertEquals(List.of("write memory/diyc-7-box/memory.memsw.limit_in_bytes 33554432"), log, "v2's swap alone, as v1's memory+swap");
        log.clear();
        c.set(box, "pids.max", "-1", said::add);
        assertEquals(List.of("write pids/diyc-7-box/pids.max max"), log);
    }

    @Test
    void onV1WithoutSwapAccountingOnlyTheLimitIsWritten() throws IOException {
        Cgroups c = hybrid();
        Cgroup box = memoryBox(c, "memory.limit_in_bytes");
        c.set(box, "memory.limit_in_bytes", "100000000", said::add);
        assertEquals(List.of("write memory/diyc-7-box/memory.limit_in_bytes 100000000"), log);
    }

    @Test
    void mistakesAreOneLineAndChangeNothing() throws IOException {
        Cgroups c = hybrid();
        Cgroup box = memoryBox(c);
        assertEquals("box has no pids directory: cgcreate -g pids:box first",
                assertThrows(IllegalArgumentException.class, () -> c.set(box, "pids.max", "10", said::add)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.set(box, "memory.usage_in_bytes", "1", said::add))
                .getMessage().contains("read-only"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.set(box, "cgroup.procs", "1", said::add))
                .getMessage().contains("cgclassify"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.require("nope")).getMessage().contains("cgcreate -g memory,pids:nope"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.treesFor(GroupSpec.parse(":x"), said::add))
                .getMessage().contains("no cgroup v2 tree"));
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void removalEmptiesIntoTheParentAndGoesDeepestFirst() throws IOException {
        Cgroups c = hybrid();
        Cgroup box = c.create(GroupSpec.parse("memory,pids:box"), said::add);
        Path mem = box.dirs().get(c.treeOf("memory"));
        Files.createDirectories(mem.resolve("inner"));
        kernelFills(mem, "cgroup.procs=4242\n");
        log.clear();
        assertEquals(List.of(mem.resolve("inner"), mem, box.dirs().get(c.treeOf("pids"))),
                c.remove(box, List.copyOf(box.dirs().keySet()), true, said::add));
        assertEquals("rmdir memory/diyc-7-box/inner", log.get(0));
        assertTrue(log.get(1).startsWith("write memory/cgroup.procs 4242 # as libcgroup's cgdelete does"), log.get(1));
        assertEquals(List.of("box still holds process 4242; it moves to " + tmp.resolve("memory")), said);
    }
}
