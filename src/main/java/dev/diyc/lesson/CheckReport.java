package dev.diyc.lesson;

import dev.diyc.term.Console;
import dev.diyc.term.Wrap;
import dev.diyc.view.SideBySide;
import java.util.ArrayList;
import java.util.List;

/** How check results read, for {@code check} and {@code lesson run} alike: ✓ per check, what was expected and what was seen side by side for a failure. */
final class CheckReport {
    private CheckReport() {}

    /** @return true when every check passed */
    static boolean print(Console console, List<CheckResult> results) {
        return print(console, results, false);
    }

    /** @param brief a failure seen before: one line per check, without the columns the learner has already read */
    static boolean print(Console console, List<CheckResult> results, boolean brief) {
        boolean all = true;
        for (CheckResult r : results) {
            if (r.passed()) {
                console.ok(r.say());
            } else {
                all = false;
                console.fail(r.say());
                if (brief) {
                    continue;
                }
                SideBySide.print(console, "expected", expected(console, r.expected()), "seen",
                        (r.seen().isEmpty() ? "(nothing)" : r.seen()).lines().toList());
            }
        }
        return all;
    }

    /**
     * An expectation's sentence as the left column shows it: its first line, words, wrapped to the
     * column (SideBySide would cut it short with …); the value lines after it as they are, so each
     * stays beside the line seen that it is compared with.
     */
    private static List<String> expected(Console console, String sentence) {
        int room = Math.max(12, (console.width() - 3) / 2) - 2; // SideBySide's left column, less its ≠ mark
        List<String> lines = sentence.lines().toList();
        List<String> out = new ArrayList<>(Wrap.lines(lines.isEmpty() ? "" : lines.get(0), room));
        out.addAll(lines.subList(Math.min(1, lines.size()), lines.size()));
        return out;
    }
}
