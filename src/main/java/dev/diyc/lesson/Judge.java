package dev.diyc.lesson;

import dev.diyc.term.Console;
import java.util.List;
import java.util.OptionalInt;

/**
 * Judges the current step for {@code check} and {@code next}: every check against the real state;
 * for a failure, whether the state is a later step's (the learner typed ahead), else the failure in
 * words and the way on. It changes no progress: the tutor acts on its verdict.
 */
final class Judge {
    private final Console console;
    private final Checker checker;
    private final LabStager stager;
    private final LessonPrinter printer;
    private final Attempts attempts;

    /** What the check found: {@code aheadAt} is the later step whose state the learner is in, or 0. */
    record Verdict(boolean passed, int aheadAt) {}

    Judge(Console console, Checker checker, LabStager stager, LessonPrinter printer, Attempts attempts) {
        this.console = console;
        this.checker = checker;
        this.stager = stager;
        this.printer = printer;
        this.attempts = attempts;
    }

    /** @param command check or next, which words the way on */
    Verdict judge(Course course, Lesson l, String command) {
        List<CheckResult> results = checker.checkAll(course.step(l));
        if (results.stream().allMatch(CheckResult::passed)) {
            CheckReport.print(console, results);
            attempts.passed();
            return new Verdict(true, 0);
        }
        OptionalInt ahead = course.ahead(l, stager::heldAtStart, n -> checker.holds(l.steps().get(n - 1)));
        if (ahead.isPresent()) {
            attempts.passed();
            printer.ahead(l, ahead.getAsInt());
            return new Verdict(false, ahead.getAsInt());
        }
        int same = attempts.failed(results.stream().filter(r -> !r.passed()).toList());
        CheckReport.print(console, results, same > 1);
        printer.notYet(command, same);
        return new Verdict(false, 0);
    }
}
