package dev.diyc.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {
    private static Topic topic(String name, String... aliases) {
        return new Topic(name, List.of(aliases), Topic.Kind.CONCEPT, "About " + name + ".", "Text.", "",
                List.of(), List.of(), List.of(), List.of(), Path.of(name + ".yaml"));
    }

    private final Topics topics = new Topics(List.of(
            topic("mount-propagation", "propagation", "MS_PRIVATE"),
            topic("pivot_root", "pivot-root"),
            topic("proc", "/proc", "procfs"),
            topic("pid-namespace", "pid", "CLONE_NEWPID"),
            topic("namespaces", "namespace", "ns"),
            topic("mount")));

    @Test
    void normalisesCaseSpacesDashesUnderscoresAndManSections() {
        assertEquals("mount-propagation", Topics.normalise("  Mount_Propagation "));
        assertEquals("mount-propagation", Topics.normalise("mount - propagation"));
        assertEquals("fork", Topics.normalise("--fork"));
        assertEquals("pivot-root", Topics.normalise("pivot_root(2)"));
        assertEquals("/proc", Topics.normalise("/proc"));
    }

    @Test
    void findsByNameOrAliasInAnySpelling() {
        for (String q : List.of("mount propagation", "mount-propagation", "mount_propagation", "propagation",
                "MOUNT PROPAGATION", "ms_private", "MS-PRIVATE")) {
            assertEquals("mount-propagation", topics.find(q).map(Topic::name).orElse("nothing"), q);
        }
        assertEquals("pivot_root", topics.find("pivot-root").orElseThrow().name());
        assertEquals("pivot_root", topics.find("Pivot Root").orElseThrow().name());
        assertEquals("pivot_root", topics.find("pivot_root(2)").orElseThrow().name());
        assertEquals("proc", topics.find("/proc").orElseThrow().name());
        assertEquals("pid-namespace", topics.find("clone_newpid").orElseThrow().name());
        assertTrue(topics.find("nothing").isEmpty());
    }

    @Test
    void namesAreSortedForCompletion() {
        assertEquals(List.of("mount", "mount-propagation", "namespaces", "pid-namespace", "pivot_root", "proc"), topics.names());
    }

    @Test
    void suggestsCompletionsThenTypos() {
        assertEquals(List.of("pivot_root"), topics.suggest("pivotroot"));
        assertEquals(List.of("mount-propagation"), topics.suggest("propogation"));
        assertEquals("mount", topics.suggest("moun").get(0), "a prefix finds the shortest completion first");
        assertEquals(List.of("namespaces"), topics.suggest("namspace"));
        assertEquals(List.of(), topics.suggest("xyzzy"));
        assertEquals(List.of(), topics.suggest(""));
    }

    @Test
    void suggestsTopicsThatContainTheWord() {
        assertEquals(List.of("pid-namespace"), topics.suggest("newpid"));
        assertEquals(List.of("mount-propagation"), topics.suggest("propag"));
    }

    @Test
    void suggestsATopicTheQueryStartsWith() {
        assertEquals(List.of("mount-propagation", "mount"), topics.suggest("mount propagation shared"));
    }

    @Test
    void suggestsAtMostThreeShortestFirst() {
        Topics many = new Topics(List.of(topic("cgroup-namespace"), topic("cgroups"), topic("cgroup-v1"),
                topic("cgroup-delegation"), topic("cgroup-v2")));
        assertEquals(List.of("cgroups", "cgroup-v1", "cgroup-v2"), many.suggest("cgroup"));
    }

    @Test
    void editDistance() {
        assertEquals(0, Topics.distance("mount", "mount"));
        assertEquals(1, Topics.distance("mount", "mount2"));
        assertEquals(2, Topics.distance("umount", "mount2"));
        assertEquals(3, Topics.distance("kitten", "sitting"));
    }
}
