package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.explain.Topic;
import dev.diyc.explain.TopicLoaderTest;
import dev.diyc.explain.Topics;
import dev.diyc.term.UserError;
import dev.diyc.term.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ExplainCommandTest {
    @TempDir
    Path dir;

    private final Topic pivot = new Topic("pivot_root", List.of("pivot-root"), Topic.Kind.SYSCALL,
            "Swap the root mount of a mount namespace.",
            """
            The mount that is / moves to put_old, and the mount at new_root becomes /. This paragraph is long enough
            that it has to be wrapped to fit an eighty column terminal, and its lines in the file are joined first.

                ctr pivot_root rootfs rootfs/old
            """,
            "int pivot_root(const char *new_root, const char *put_old)",
            List.of(new Topic.Flag("MS_BIND", "make a directory visible at another place as well"),
                    new Topic.Flag("A_VERY_LONG_FLAG_NAME_INDEED", "gets a line of its own")),
            List.of(new Topic.Failure("EBUSY", "the new root is on the same mount as the current root; "
                    + "make it a mount point of its own with mount --bind rootfs rootfs and try again")),
            List.of("mount", "chroot"), List.of("001", "002"), Path.of("pivot_root.yaml"));
    private final Topic proc = new Topic("proc", List.of("/proc"), Topic.Kind.FILE, "The process filesystem.", "Text.",
            "", List.of(), List.of(), List.of(), List.of(), Path.of("proc.yaml"));

    @Test
    void printsSummarySignatureTextFlagsErrorsAndSeeAlso() {
        String out = run(new ExplainCommand(new Topics(List.of(pivot, proc))), "Pivot Root");
        assertTrue(out.startsWith("pivot_root (syscall)\nSwap the root mount of a mount namespace.\n"), out);
        assertTrue(out.contains("\n    int pivot_root(const char *new_root, const char *put_old)\n"), out);
        assertTrue(out.contains("\n    ctr pivot_root rootfs rootfs/old\n"), "a code line keeps its indentation: " + out);
        assertTrue(out.contains("\nFlags\n  MS_BIND "), out);
        assertTrue(out.contains("\n  A_VERY_LONG_FLAG_NAME_INDEED\n" + " ".repeat(22) + "gets a line of its own\n"), out);
        assertTrue(out.contains("\nErrors\n  EBUSY "), out);
        assertTrue(out.contains("See also: mount, chroot"), out);
        assertTrue(out.contains("new_root becomes /. This\nparagraph"), "lines of one paragraph are joined: " + out);
        assertTrue(out.contains("001 \"Building a Container With Syscalls\""), out);
        assertFits(out, 80);
    }

    @Test
    void rewrapsParagraphsToTheTerminal() {
        String out = run(new ExplainCommand(new Topics(List.of(pivot))), "pivot_root", 40);
        assertFits(out, 40);
        assertTrue(out.contains("\n  EBUSY  the new root is on the same\n         mount as"), "a hanging indent: " + out);
    }

    @Test
    void listsTopicsGroupedByKindWithTheirSummary() {
        String out = run(new ExplainCommand(new Topics(List.of(pivot, proc))), "");
        assertTrue(out.indexOf("System calls\n  pivot_root  Swap the root") < out.indexOf("Files\n  proc        The process"), out);
        assertTrue(out.contains("2"), out);
        assertEquals(out, run(new ExplainCommand(new Topics(List.of(pivot, proc))), "list"));
        assertFits(out, 80);
    }

    @Test
    void anUnknownNameIsOneLineWithSuggestions() {
        ExplainCommand explain = new ExplainCommand(new Topics(List.of(pivot, proc)));
        UserError e = assertThrows(UserError.class, () -> run(explain, "pivotroot"));
        assertEquals("no topic 'pivotroot'; did you mean pivot_root? explain lists the 2 topics", e.getMessage());
        e = assertThrows(UserError.class, () -> run(explain, "nothing"));
        assertEquals("no topic 'nothing'; explain lists the 2 topics", e.getMessage());
    }

    @Test
    void loadsLazilyAndReportsBrokenFilesOnce() throws IOException {
        Files.writeString(dir.resolve("pivot_root.yaml"), TopicLoaderTest.GOOD.replace("see: [mount]", "see: []"));
        Files.writeString(dir.resolve("broken.yaml"), "name: broken\nkind: syscall\n");
        ExplainCommand explain = new ExplainCommand(dir);
        Files.writeString(dir.resolve("late.yaml"), "name: late\nkind: concept\nsummary: Late.\ntext: Late.\n");
        String first = run(explain, "");
        assertTrue(first.startsWith("diyc: lessons/explain/broken.yaml: 'summary' is missing\n"), first);
        assertTrue(first.contains("late"), "read on first use, not in the constructor: " + first);
        assertFalse(run(explain, "").contains("broken.yaml"), "reported once");
    }

    @Test
    void aMissingDirectoryIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> run(new ExplainCommand(dir.resolve("nope")), ""));
        assertTrue(e.getMessage().startsWith("cannot read the explain topics in "), e.getMessage());
    }

    public static String run(ExplainCommand explain, String args) {
        return run(explain, args, 80);
    }

    public static String run(ExplainCommand explain, String args, int width) {
        StringWriter sw = new StringWriter();
        assertEquals(Outcome.OK, explain.run(new Console(new PrintWriter(sw), false, () -> width), args));
        return sw.toString();
    }

    public static void assertFits(String out, int width) {
        assertFalse(out.contains("\033"), "no escape codes without colour");
        for (String line : out.split("\n")) {
            assertTrue(line.length() <= width, "longer than " + width + " columns: '" + line + "'");
        }
    }
}
