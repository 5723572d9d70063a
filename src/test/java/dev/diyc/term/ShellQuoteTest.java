package dev.diyc.term;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A quoted line is split back by a real sh into exactly the words that went in. */
class ShellQuoteTest {
    private static final List<String> AWKWARD = List.of("plain", "two words", "it's", "'", "\"double\"", "$HOME",
            "`id`", "$(hostname x)", "a;b", "a&&b", "back\\slash", "*", "~", "", "tab\there", "new\nline", "#hash", "é");

    @Test
    void shSplitsTheLineBackIntoTheSameWords() throws IOException, InterruptedException {
        String line = "printf '%s\\0' " + ShellQuote.line(AWKWARD);
        Process p = new ProcessBuilder("/bin/sh", "-c", line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(AWKWARD, List.of(out.split("\0", -1)).subList(0, AWKWARD.size()));
    }

    @Test
    void plainWordsStayReadable() {
        assertEquals("ip link del diyc-h7", ShellQuote.line(List.of("ip", "link", "del", "diyc-h7")));
        assertEquals("'it'\\''s'", ShellQuote.word("it's"));
        assertEquals("''", ShellQuote.word(""));
    }
}
