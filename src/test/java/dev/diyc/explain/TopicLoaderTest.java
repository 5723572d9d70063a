package dev.diyc.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TopicLoaderTest {
    @TempDir
    Path dir;

    public static final String GOOD = """
            name: pivot_root
            aliases: ["pivot-root"]
            kind: syscall
            summary: Swap the root mount.
            signature: "int pivot_root(const char *new_root, const char *put_old)"
            text: |
              It swaps roots.
            flags:
              - name: MS_BIND
                meaning: bind it
            errors:
              - errno: EINVAL
                meaning: not a mount point
            see: [mount]
            posts: ["001", 2]
            """;

    static final String MOUNT = """
            name: mount
            kind: syscall
            summary: Mount things.
            signature: "int mount(...)"
            text: Mounts.
            see: [pivot-root]
            """;

    @Test
    void readsEveryField() throws IOException {
        Topic t = TopicLoader.load(write("pivot_root.yaml", GOOD));
        assertEquals("pivot_root", t.name());
        assertEquals(List.of("pivot-root"), t.aliases());
        assertEquals(Topic.Kind.SYSCALL, t.kind());
        assertEquals("Swap the root mount.", t.summary());
        assertEquals("int pivot_root(const char *new_root, const char *put_old)", t.signature());
        assertEquals(List.of(new Topic.Flag("MS_BIND", "bind it")), t.flags());
        assertEquals(List.of(new Topic.Failure("EINVAL", "not a mount point")), t.errors());
        assertEquals(List.of("mount"), t.see());
        assertEquals(List.of("001", "002"), t.posts(), "an unquoted number is read as a post number too");
    }

    @Test
    void namesTheFileAndFieldAtFault() throws IOException {
        assertMessage("pivot_root.yaml", GOOD.replace("summary: Swap the root mount.\n", ""), "pivot_root.yaml: 'summary' is missing");
        assertMessage("pivot_root.yaml", GOOD.replace("kind: syscall", "kind: sycall"), "pivot_root.yaml: kind: must be syscall, concept, file or command, not 'sycall'");
        assertMessage("pivot_root.yaml", GOOD.replace("errno: EINVAL", "errno: invalid"), "pivot_root.yaml: errors: item 1: errno: 'invalid' is not an errno name");
        assertMessage("pivot_root.yaml", GOOD.replace("    meaning: not a mount point\n", ""), "pivot_root.yaml: errors: item 1: 'meaning' is missing");
        assertMessage("pivot_root.yaml", GOOD.replace("    meaning: bind it", "    means: bind it"), "pivot_root.yaml: flags: item 1: unknown key 'means'");
        assertMessage("pivot_root.yaml", GOOD.replace("errors:", "error:"), "pivot_root.yaml: unknown key 'error'");
        assertMessage("pivot_root.yaml", GOOD.replace("signature: \"int pivot_root(const char *new_root, const char *put_old)\"\n", ""), "pivot_root.yaml: signature: a syscall topic needs");
        assertMessage("pivot_root.yaml", GOOD.replace("kind: syscall", "kind: concept"), "pivot_root.yaml: signature: only a syscall topic has one");
        assertMessage("pivot_root.yaml", GOOD.replace("see: [mount]", "see: mount"), "pivot_root.yaml: see: expected a list");
        assertMessage("pivot_root.yaml", GOOD.replace("posts: [\"001\", 2]", "posts: [first]"), "pivot_root.yaml: posts: 'first' is not a post number");
        assertMessage("pivot_root.yaml", GOOD.replace("summary: Swap the root mount.", "summary: |\n  Two\n  lines"), "pivot_root.yaml: summary: must be one line");
        assertMessage("pivot_root.yaml", GOOD.replace("summary: Swap the root mount.", "summary: " + "x".repeat(59)),
                "pivot_root.yaml: summary: at most 58 characters");
        assertMessage("chroot.yaml", GOOD, "chroot.yaml: name: 'pivot_root' must match the file name (chroot)");
        assertMessage("pivot_root.yaml", "name: [", "pivot_root.yaml: not valid YAML");
        assertMessage("pivot_root.yaml", "- a list", "pivot_root.yaml: expected a mapping");
    }

    @Test
    void theFileNameMayUseAnotherSpellingOfTheName() throws IOException {
        assertEquals("pivot_root", TopicLoader.load(write("pivot-root.yaml", GOOD)).name());
    }

    @Test
    void aBrokenFileIsReportedAndTheOthersStillLoad() throws IOException {
        write("pivot_root.yaml", GOOD);
        write("mount.yaml", MOUNT);
        write("chroot.yaml", GOOD.replace("name: pivot_root", "name: chroot").replace("kind: syscall", "kind: nonsense"));
        write("README.txt", "not a topic");
        TopicLoader.Loaded loaded = TopicLoader.loadAll(dir);
        assertEquals(List.of("mount", "pivot_root"), loaded.topics().names());
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        assertTrue(loaded.problems().get(0).startsWith("chroot.yaml: kind:"), loaded.problems().get(0));
    }

    @Test
    void aSecondTopicWithTheSameNameIsSkipped() throws IOException {
        write("pivot_root.yaml", GOOD);
        write("pivot-root.yaml", GOOD.replace("summary: Swap the root mount.", "summary: The copy."));
        write("mount.yaml", MOUNT);
        TopicLoader.Loaded loaded = TopicLoader.loadAll(dir);
        assertEquals(2, loaded.topics().size());
        assertEquals(List.of("pivot_root.yaml: name 'pivot_root' is also used by pivot-root.yaml; skipped"), loaded.problems());
    }

    @Test
    void anAliasTakenByAnotherTopicIsReportedAndKeepsFindingTheFirst() throws IOException {
        write("pivot_root.yaml", GOOD.replace("aliases: [\"pivot-root\"]", "aliases: [\"pivot-root\", \"Mount\"]"));
        write("mount.yaml", MOUNT);
        TopicLoader.Loaded loaded = TopicLoader.loadAll(dir);
        assertEquals(List.of("pivot_root.yaml: alias 'Mount' is also used by mount.yaml; it finds mount"), loaded.problems());
        assertEquals("mount", loaded.topics().find("mount").orElseThrow().name());
        assertEquals("pivot_root", loaded.topics().find("pivot root").orElseThrow().name());
    }

    @Test
    void aSeeThatNamesNoTopicIsReportedButTheTopicLoads() throws IOException {
        write("pivot_root.yaml", GOOD.replace("see: [mount]", "see: [mount, nowhere]"));
        write("mount.yaml", MOUNT);
        TopicLoader.Loaded loaded = TopicLoader.loadAll(dir);
        assertEquals(2, loaded.topics().size());
        assertEquals(List.of("pivot_root.yaml: see: there is no topic 'nowhere'"), loaded.problems());
    }

    private void assertMessage(String file, String yaml, String start) throws IOException {
        Path f = write(file, yaml);
        TopicFormatException e = assertThrows(TopicFormatException.class, () -> TopicLoader.load(f));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        Files.delete(f);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
