package dev.diyc.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What learners type to cgcreate, cgset and cgexec: sizes and -g specs. */
class ParsingTest {
    @Test
    void sizesAreReadAsTheKernelsMemparseReadsThem() {
        assertEquals(104857600, Sizes.parse("100M"));
        assertEquals(67108864, Sizes.parse("64m"));
        assertEquals(1073741824, Sizes.parse("1G"));
        assertEquals(524288, Sizes.parse("512k"));
        assertEquals(100000000, Sizes.parse("100000000"));
        assertEquals(1L << 40, Sizes.parse("1t"));
        assertEquals(Sizes.UNLIMITED, Sizes.parse("max"));
        assertEquals(Sizes.UNLIMITED, Sizes.parse("-1"));
        for (String bad : List.of("", "M", "lots", "1.5G", "-2", "10MB", "99999999999999999999", "9999999999999T")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void countsTakeMaxAndV1sMinusOne() {
        assertEquals(20, Sizes.parseCount("20"));
        assertEquals(Sizes.UNLIMITED, Sizes.parseCount("max"));
        assertEquals(Sizes.UNLIMITED, Sizes.parseCount("-1"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parseCount("20M"));
        assertThrows(IllegalArgumentException.class, () -> Sizes.parseCount("ten"));
    }

    @Test
    void sizesPrintBackAsLearnersWriteThem() {
        assertEquals("32M", Sizes.human(33554432));
        assertEquals("1G", Sizes.human(1L << 30));
        assertEquals("1000", Sizes.human(1000));
        assertEquals("max", Sizes.human(Sizes.UNLIMITED));
    }

    @Test
    void groupSpecsInPost003sSpellings() {
        assertEquals(new GroupSpec(Set.of("memory", "pids"), "box"), GroupSpec.parse("memory,pids:box"));
        assertEquals(List.of("cpu", "cpuacct", "memory"), List.copyOf(GroupSpec.parse("cpu,cpuacct,memory:12345").controllers()));
        assertEquals("12345", GroupSpec.parse("cpu,cpuacct,memory:12345").name());
        assertEquals(Set.of("memory"), GroupSpec.parse("memory:/box").controllers());
        assertEquals("box", GroupSpec.parse("memory:/box").name());
        assertEquals(Set.of(), GroupSpec.parse(":box").controllers(), "libcgroup's :NAME, the v2 tree without a controller");
        assertEquals(Set.of("memory"), GroupSpec.parse("memory,,memory:box").controllers());
    }

    @Test
    void badGroupSpecsSayWhatIsExpected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GroupSpec.parse("box")).getMessage().contains("CONTROLLERS:NAME"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GroupSpec.parse("memory:")).getMessage().contains("needs a name"));
        for (String bad : List.of("memory:a/b", "memory:..", "memory:.hidden", "memory:a b", "memory:" + "x".repeat(49))) {
            assertThrows(IllegalArgumentException.class, () -> GroupSpec.parse(bad), bad);
        }
    }

    @Test
    void knobsInEitherSpelling() {
        assertEquals(Knob.MEMORY_LIMIT, Knob.byFile("memory.limit_in_bytes"));
        assertEquals(Knob.MEMORY_LIMIT, Knob.byFile("memory.max"));
        assertEquals("memory.max", Knob.MEMORY_LIMIT.file(2));
        assertEquals("memory.oom_control", Knob.OOM.file(1));
        assertEquals("memory.events", Knob.OOM.file(2));
        assertEquals(1, Knob.MEMORY_LIMIT.spelledIn("memory.limit_in_bytes"));
        assertEquals(0, Knob.PIDS_LIMIT.spelledIn("pids.max"));
        assertEquals("memory", Knob.controllerOf("memory.swappiness"));
        assertEquals("cpu", Knob.controllerOf("cpu.shares"));
        assertEquals(null, Knob.controllerOf("cgroup.procs"));
    }

    @Test
    void cpuSharesAndWeightConvertAsRuncDoes() {
        assertEquals(39, Knob.sharesToWeight(1024));
        assertEquals(20, Knob.sharesToWeight(512)); // post 003's cpu.shares=512
        assertEquals(1, Knob.sharesToWeight(2));
        assertEquals(10000, Knob.sharesToWeight(262144));
        assertEquals(2, Knob.weightToShares(1));
        assertEquals(262144, Knob.weightToShares(10000));
    }

    @Test
    void theOomKillCountIsReadFromEitherVersionsFile() {
        assertEquals(1, Hierarchy.oomKills("oom_kill_disable 0\nunder_oom 0\noom_kill 1\n"));
        assertEquals(3, Hierarchy.oomKills("low 0\nhigh 0\nmax 12\noom 3\noom_kill 3\noom_group_kill 0\n"));
        assertEquals(-1, Hierarchy.oomKills("oom_kill_disable 0\nunder_oom 0\n"), "kernels before 4.13 have no count in v1");
    }
}
