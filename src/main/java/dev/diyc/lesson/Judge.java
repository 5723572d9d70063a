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
    /** The verdicts of the last check and the step ({@code LESSON.STEP}) they belong to, for the presenter's notes. */
    private volatile String lastStep = "";
    private volatile List<CheckResult> last = List.of();

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
        lastStep = l.number() + "." + course.stepIn(l);
        last = List.copyOf(results);
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

    /** The last check's verdicts if they were the given step's ({@code LESSON.STEP}), else none. */
    List<CheckResult> lastFor(String step) {
        return lastStep.equals(step) ? last : List.of();
    }
}
