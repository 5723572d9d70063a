package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** From a check's key and YAML value to an expectation, and what the loader refuses. */
class ExpectationParserTest {
    @Test
    void buildsOneRecordPerKey() {
        assertEquals(new Expectation.Equals("0"), ExpectationParser.parse("equals", 0, "s"));
        assertEquals(new Expectation.Equals("a b"), ExpectationParser.parse("equals", " a b \n", "s"));
        assertEquals(new Expectation.Contains("uts"), ExpectationParser.parse("contains", "uts", "s"));
        assertEquals(new Expectation.NotContains("/.."), ExpectationParser.parse("not_contains", "/..", "s"));
        assertEquals(new Expectation.LineCount(1), ExpectationParser.parse("lines", 1, "s"));
        assertEquals(new Expectation.LineCount(2), ExpectationParser.parse("lines", "2", "s"));
        assertEquals(new Expectation.DiffersFromHost(), ExpectationParser.parse("differs_from_host", true, "s"));
        assertEquals(new Expectation.SameAsHost(), ExpectationParser.parse("same_as_host", true, "s"));
        assertEquals(new Expectation.Unchanged(), ExpectationParser.parse("unchanged", true, "s"));
        var m = assertInstanceOf(Expectation.Matches.class, ExpectationParser.parse("matches", "^bin$", "a directory named bin"));
        assertEquals("^bin$", m.pattern().pattern());
        assertEquals(Pattern.MULTILINE, m.pattern().flags());
        assertEquals("a directory named bin", m.meaning());
    }

    @Test
    void everyKeyItKnowsBuildsSomething() {
        for (String key : ExpectationParser.KEYS) {
            Object value = List.of("lines").contains(key) ? 1 : key.contains("host") || key.equals("unchanged") ? true : "x";
            assertTrue(ExpectationParser.parse(key, value, "s") != null, key);
        }
    }

    @Test
    void refusesWhatWouldOnlyFailInFrontOfALearner() {
        assertReason("matches", "(unclosed", "'matches' is not a valid pattern: Unclosed group");
        assertReason("lines", "one", "'lines' must be a number of lines, 0 or more, not one");
        assertReason("lines", -1, "'lines' must be a number of lines, 0 or more, not -1");
        assertReason("differs_from_host", false, "'differs_from_host' takes only true, not false (for the opposite, write same_as_host: true)");
        assertReason("unchanged", "yes", "'unchanged' takes only true, not yes");
        assertReason("contains", null, "'contains' needs a text value");
        assertReason("equals", List.of("a"), "'equals' needs a text value");
        assertReason("differs", true, "unknown key 'differs'");
    }

    private static void assertReason(String key, Object value, String start) {
        var e = assertThrows(IllegalArgumentException.class, () -> ExpectationParser.parse(key, value, "s"));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
