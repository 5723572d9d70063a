package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.term.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How check results print: a passing check as one ✓ line, a failed one with its sentence beside the value seen. */
class CheckReportTest {
    private final StringWriter out = new StringWriter();
    private final Console console = new Console(new PrintWriter(out, true), false, () -> 60);

    @Test
    void aPassingCheckIsOneLine() {
        assertTrue(CheckReport.print(console, List.of(new CheckResult("the host has the bridge", true, null, "diyc-br8 UP"))));
        assertEquals("✓ the host has the bridge\n", out.toString());
    }

    @Test
    void aFailedMatchesCheckShowsWhatItMeansNotItsPattern() {
        var e = new Expectation.Matches(Pattern.compile("(?m)^diyc-br8 "), "a link named diyc-br8");
        Observed seen = Observed.of("lo UP\nveth8 UP");
        assertFalse(CheckReport.print(console, List.of(new CheckResult("the host has the bridge", false, e.sentence(seen), seen.value()))));
        String printed = out.toString();
        assertTrue(printed.startsWith("✗ the host has the bridge\n"), printed);
        assertTrue(printed.contains("a link named diyc-br8"), printed);
        assertTrue(printed.contains("veth8 UP"), printed);
        assertFalse(printed.contains("(?m)"), printed);
    }

    @Test
    void aFailedUnchangedCheckShowsTheValueAtTheStartBesideTheValueNow() {
        var e = new Expectation.Unchanged();
        Observed seen = new Observed("2", null, "1");
        CheckReport.print(console, List.of(new CheckResult("the host has as many UTS namespaces as when the lesson began", false,
                e.sentence(seen), seen.value())));
        List<String> lines = out.toString().lines().map(String::stripTrailing).toList();
        assertEquals(List.of(
                "✗ the host has as many UTS namespaces as when the lesson", // 60 columns: the verdict wraps at a word
                "  began",
                "  expected                   │ seen",
                "─────────────────────────────┼─────────────────────────────",
                "≠ what it was when the       │ ≠ 2",
                "≠ lesson began:              │",
                "≠ 1                          │"), lines);
    }
}
