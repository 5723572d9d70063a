package dev.diyc.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private static final String TOKEN = "__diyc_0123456789abcdef__";
    private final StringBuilder text = new StringBuilder();
    private final List<String> markers = new ArrayList<>();
    private final LineSplitter splitter = new LineSplitter(
            TOKEN.getBytes(StandardCharsets.US_ASCII), text::append, markers::add);

    private void feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        splitter.feed(b, b.length);
    }

    @Test
    void passesOutputAndCutsOutTheMarker() {
        feed("1\n" + TOKEN + " 0\n");
        assertEquals("1\n", text.toString());
        assertEquals(List.of(" 0\n"), markers);
    }

    @Test
    void findsTheMarkerAfterOutputWithoutFinalNewline() {
        feed("no newline" + TOKEN + " 3\n");
        assertEquals("no newline", text.toString());
        assertEquals(List.of(" 3\n"), markers);
    }

    @Test
    void holdsBackAPartialTokenSplitAcrossReads() {
        feed("out" + TOKEN.substring(0, 10));
        assertEquals("out", text.toString());
        feed(TOKEN.substring(10) + " 1\n");
        assertEquals("out", text.toString());
        assertEquals(List.of(" 1\n"), markers);
    }

    @Test
    void showsAPartialLineThatCannotBeTheToken() {
        feed("Password: ");
        assertEquals("Password: ", text.toString());
        feed("__x\n");
        assertEquals("Password: __x\n", text.toString());
    }

    @Test
    void keepsUtf8Intact() {
        feed("héllo ✓\n" + TOKEN + " 0\n");
        assertEquals("héllo ✓\n", text.toString());
    }
}
