package dev.diyc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

/**
 * What "laid out for a terminal of N columns" means, for the layout tests: no line reaches the last
 * column (where a terminal would cut it, mid-word), and the words are those of the same text laid out
 * without a width limit, in the same order, so diyc itself split none of them.
 */
public final class Layout {
    private Layout() {}

    public static void assertFits(String wrapped, String unwrapped, int columns, String what) {
        for (String line : wrapped.lines().toList()) {
            assertTrue(line.length() < columns, what + " at " + columns + " columns: a line the terminal would cut:\n" + line);
        }
        assertEquals(words(unwrapped), words(wrapped), what + " at " + columns + " columns: a word cut mid-way");
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
