package dev.diyc.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the context's shell printed for a line's words (the round trip itself: InProcessSessionTest). */
class ShellWordsTest {
    @Test
    void readsTheWordsPrintfPrintedAfterTheSentinel() {
        assertEquals(List.of("mkdir", "/tmp/x-42-y"), ShellWords.parse("diyc-words\0mkdir\0/tmp/x-42-y\0\n"));
        assertEquals(List.of("a b", ""), ShellWords.parse("diyc-words\0a b\0\0\n"), "blanks and empty words stay words");
        assertEquals(List.of(), ShellWords.parse("diyc-words\0\n"));
    }

    @Test
    void believesNothingElse() {
        assertNull(ShellWords.parse(""), "a shell that is gone");
        assertNull(ShellWords.parse("sh: printf: not found\n"));
        assertNull(ShellWords.parse("diyc-words\0cut short"));
    }
}
