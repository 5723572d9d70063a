package dev.diyc.lesson;

import java.util.List;
import java.util.Optional;

/**
 * How the learner fares on the step in front of them, this session: the check that failed last, how
 * many times in a row it failed just so, and which hints they have seen. It decides, without I/O, what
 * {@code check}, {@code next} and {@code hint} say next, so that none of them answers the same way
 * twice without pointing a way on.
 */
final class Attempts {
    /** What {@code hint} gives next. */
    enum Hint {
        /** What the failed check saw and its most likely fix. */
        ABOUT_FAILURE,
        /** The step's own nudge. */
        NUDGE,
        /** The step's exact commands. */
        COMMANDS,
        /** Every hint was given: the commands again, and the ways on (step, reset step). */
        ALL_GIVEN
    }

    private String step = "";
    private List<CheckResult> lastFailed = List.of();
    private int sameInARow;
    private boolean failureExplained = true;
    private boolean nudged;
    private boolean commandsShown;

    /** The learner is at {@code step} ({@code LESSON.STEP}): what happened on another step no longer counts. */
    void at(String step) {
        if (!step.equals(this.step)) {
            this.step = step;
            forget();
        }
    }

    /** A fresh start of the step ({@code reset}, {@code reset step}): nothing failed, no hint seen. */
    void forget() {
        lastFailed = List.of();
        sameInARow = 0;
        failureExplained = true;
        nudged = false;
        commandsShown = false;
    }

    /**
     * The step's checks failed with these results (the failed ones only).
     *
     * @return how many checks in a row failed exactly so, the same checks seeing the same values: 1 the first time
     */
    int failed(List<CheckResult> failed) {
        sameInARow = failed.equals(lastFailed) ? sameInARow + 1 : 1;
        if (sameInARow == 1) {
            failureExplained = false;
        }
        lastFailed = failed;
        return sameInARow;
    }

    void passed() {
        lastFailed = List.of();
        sameInARow = 0;
        failureExplained = true;
    }

    /** The first check that failed last time; empty when the last check passed or none was made. */
    Optional<CheckResult> lastFailure() {
        return lastFailed.stream().findFirst();
    }

    /** The hint to give now, noted as given: a new failure first, then the nudge, then the commands. */
    Hint nextHint() {
        if (!failureExplained && !lastFailed.isEmpty()) {
            failureExplained = true;
            nudged = true; // the failure's hint ends with the nudge when the check has no fix of its own
            return Hint.ABOUT_FAILURE;
        }
        if (!nudged) {
            nudged = true;
            return Hint.NUDGE;
        }
        if (!commandsShown) {
            commandsShown = true;
            return Hint.COMMANDS;
        }
        return Hint.ALL_GIVEN;
    }
}
