package dev.diyc.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.session.ExplainCommand;
import dev.diyc.session.ExplainCommandTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The topics in lessons/explain: what a learner actually reads. */
class ShippedTopicsTest {
    private static TopicLoader.Loaded loaded;

    @BeforeAll
    static void load() throws IOException {
        loaded = TopicLoader.loadAll(Path.of("lessons/explain"));
    }

    @Test
    void everyFileLoadsWithNoProblem() {
        assertEquals(List.of(), loaded.problems());
    }

    @Test
    void everySeeNamesAnExistingTopic() {
        for (Topic t : loaded.topics().all()) {
            for (String s : t.see()) {
                assertTrue(loaded.topics().find(s).isPresent(), t.file() + ": see: " + s);
                assertFalse(loaded.topics().find(s).get() == t, t.file() + ": sees itself");
            }
        }
    }

    @Test
    void theCurriculumIsCovered() {
        for (String q : List.of("namespaces", "unshare", "clone", "setns", "sethostname", "uts", "pid namespace",
                "pid_for_children", "/proc", "mount", "umount", "umount2", "MNT_DETACH", "mount propagation",
                "mount-propagation", "mount_propagation", "propagation", "mount namespace", "pivot_root", "pivot-root",
                "chroot", "user namespace", "uid_map", "gid_map", "setgroups", "network namespace", "veth", "bridge",
                "ipc namespace", "cgroups", "memory.max", "memory.limit_in_bytes", "pids.max", "cgroup.procs",
                "cgroup namespace", "time namespace", "capabilities", "seccomp", "overlayfs", "threads", "lifeline",
                "CLONE_NEWPID", "CLONE_NEWUSER", "MS_PRIVATE", "IFLA_NET_NS_PID")) {
            assertTrue(loaded.topics().find(q).isPresent(), "explain " + q + " finds nothing");
        }
        for (Topic.Kind k : Topic.Kind.values()) {
            assertTrue(loaded.topics().all().stream().anyMatch(t -> t.kind() == k), "no topic of kind " + k);
        }
    }

    @Test
    void everyTopicFitsEightyColumnsWithoutEscapeCodes() {
        for (Topic t : loaded.topics().all()) {
            String out = ExplainCommandTest.run(new ExplainCommand(loaded.topics()), t.name());
            assertTrue(out.contains(t.summary()), t.name());
            for (Topic.Flag f : t.flags()) {
                assertTrue(out.contains(f.name()), t.name() + ": flag " + f.name());
            }
            for (Topic.Failure e : t.errors()) {
                assertTrue(out.contains("  " + e.errno()), t.name() + ": error " + e.errno());
            }
            ExplainCommandTest.assertFits(out, 80);
        }
        ExplainCommandTest.assertFits(ExplainCommandTest.run(new ExplainCommand(loaded.topics()), ""), 80);
    }

    @Test
    void theListShowsEveryTopic() {
        String out = ExplainCommandTest.run(new ExplainCommand(loaded.topics()), "");
        for (Topic t : loaded.topics().all()) {
            assertTrue(out.contains("  " + t.name() + " "), t.name());
        }
    }
}
