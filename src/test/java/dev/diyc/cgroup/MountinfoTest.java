package dev.diyc.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which tree holds memory and pids, found from mountinfo as three kinds of machine have it. */
class MountinfoTest {
    /** Debian 12 here: v1 controllers, each on its own, and an empty v2 tree beside them. */
    static final String HYBRID = """
            23 1 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    /** Ubuntu 22.04 and later: one cgroup2 tree at /sys/fs/cgroup. */
    static final String UNIFIED = """
            24 30 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
            35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
            """;

    /** Ubuntu 18.04: cpu and cpuacct share a hierarchy, memory mounted twice (a bind mount of a sub-cgroup). */
    static final String LEGACY = """
            30 25 0:26 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
            34 30 0:30 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:15 - cgroup cgroup rw,cpu,cpuacct
            90 30 0:32 /docker /mnt/memory\\040copy rw,relatime - cgroup cgroup rw,memory
            36 30 0:32 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:17 - cgroup cgroup rw,memory
            37 30 0:33 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:18 - cgroup cgroup rw,pids
            """;

    private static List<Hierarchy> parse(String mountinfo, String v2Controllers) {
        return Mountinfo.hierarchies(mountinfo, p -> p.getFileName().toString().equals("cgroup.controllers") ? v2Controllers : null);
    }

    private static Cgroups cgroups(String mountinfo, String v2Controllers) {
        return new Cgroups(parse(mountinfo, v2Controllers), "diyc-4242-", null);
    }

    @Test
    void aHybridMachineKeepsMemoryAndPidsInV1() {
        Cgroups c = cgroups(HYBRID, "hugetlb\n");
        assertEquals(6, c.trees().size(), c.trees().toString());
        assertEquals(new CgroupV1(Path.of("/sys/fs/cgroup/memory"), "/", Set.of("memory"), null), c.treeOf("memory"));
        assertEquals(Path.of("/sys/fs/cgroup/pids"), c.treeOf("pids").mount());
        assertEquals(new CgroupV2(Path.of("/sys/fs/cgroup/unified"), "/", Set.of("hugetlb")), c.unified());
        assertEquals(c.unified(), c.treeOf("hugetlb"), "a controller only v2 has is found there");
        assertEquals("systemd", ((CgroupV1) c.trees().get(4)).name());
        assertEquals("cgroup v1 memory at /sys/fs/cgroup/memory, cgroup v1 pids at /sys/fs/cgroup/pids; "
                + "and a cgroup v2 at /sys/fs/cgroup/unified (hugetlb)", c.layout());
    }

    @Test
    void aUnifiedMachineHasOneTreeForEveryController() {
        Cgroups c = cgroups(UNIFIED, "cpuset cpu io memory hugetlb pids rdma misc\n");
        assertEquals(1, c.trees().size());
        Hierarchy v2 = c.treeOf("memory");
        assertEquals(2, v2.version());
        assertEquals(v2, c.treeOf("pids"));
        assertEquals(Path.of("/sys/fs/cgroup"), v2.mount());
        assertEquals("cgroup v2 here: one tree at /sys/fs/cgroup for every controller", c.layout());
        assertNull(c.treeOf("cpuacct"), "v2 has no cpuacct");
    }

    @Test
    void aLegacyMachineWithCombinedControllersAndATreeMountedTwice() {
        Cgroups c = cgroups(LEGACY, null);
        assertEquals(3, c.trees().size(), c.trees().toString());
        assertEquals(c.treeOf("cpu"), c.treeOf("cpuacct"));
        assertEquals(Path.of("/sys/fs/cgroup/memory"), c.treeOf("memory").mount(), "the mount of the whole tree wins");
        assertNull(c.unified());
        assertEquals("cgroup v1 memory at /sys/fs/cgroup/memory, cgroup v1 pids at /sys/fs/cgroup/pids", c.layout());
    }

    @Test
    void aSubCgroupMountedElsewhereResolvesPathsAgainstItsRoot() {
        Hierarchy bound = new CgroupV1(Path.of("/mnt/memory copy"), "/docker", Set.of("memory"), null);
        assertEquals(Path.of("/mnt/memory copy/abc"), bound.dir("/docker/abc"));
        assertEquals(Path.of("/mnt/memory copy"), bound.dir("/docker"));
        assertEquals(Path.of("/sys/fs/cgroup/memory/diyc-1-box"), parse(HYBRID, "").get(2).dir("/diyc-1-box"));
    }

    @Test
    void procPidCgroupLinesFindTheirTrees() {
        List<Hierarchy> trees = parse(HYBRID, "");
        Map<Hierarchy, String> at = Cgroups.membership("""
                9:name=systemd:/
                8:pids:/diyc-4242-box
                4:memory:/process_api/269aa8d5
                2:cpuacct:/
                1:cpu:/
                0::/
                """, trees);
        Cgroups c = new Cgroups(trees, "diyc-4242-", null);
        assertEquals("/diyc-4242-box", at.get(c.treeOf("pids")));
        assertEquals("/process_api/269aa8d5", at.get(c.treeOf("memory")));
        assertEquals("/", at.get(c.unified()));
        assertEquals("/", at.get(trees.get(4)), "name=systemd");
        assertEquals(6, at.size());
        Map<Hierarchy, String> legacy = Cgroups.membership("4:cpu,cpuacct:/user.slice\n", parse(LEGACY, null));
        assertEquals("/user.slice", legacy.values().iterator().next());
        assertTrue(Cgroups.membership("", trees).isEmpty(), "a process that is gone");
    }
}
