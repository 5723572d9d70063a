package dev.diyc.lesson;

import dev.diyc.term.Console;
import dev.diyc.view.SideBySide;
import java.util.List;

/** How check results read, for {@code check} and {@code lesson run} alike: ✓ per check, expected and seen side by side for a failure. */
final class CheckReport {
    private CheckReport() {}

    /** @return true when every check passed */
    static boolean print(Console console, List<CheckResult> results) {
        boolean all = true;
        for (CheckResult r : results) {
            if (r.passed()) {
                console.ok(r.say());
            } else {
                all = false;
                console.fail(r.say());
                SideBySide.print(console, "expected", r.expected().lines().toList(), "seen",
                        (r.seen().isEmpty() ? "(nothing)" : r.seen()).lines().toList());
            }
        }
        return all;
    }
}
