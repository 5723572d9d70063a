package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules that let the tutor follow a learner who does not go in order, decided in-process: ahead
 * (a later step's state leads there), stuck (the same failure never gets the same answer twice), and
 * the restart of one step (the steps before it, replayed).
 */
class NavigationRulesTest {
    private static final Lesson.Check CHECK = new Lesson.Check("the container is called x", "ctr", ProbeSpec.parse("hostname"),
            List.of(new Expectation.Equals("x")), "", false);

    /** Five steps; step 4 has nothing to type and step 5 nothing to check, as "look around" and "the end" steps do. */
    private final Lesson uts = new Lesson(2, "uts", "UTS", List.of(), "", List.of(
            step("one name", true, true), step("unshare", true, true), step("rename", true, true),
            step("look", false, true), step("bye", true, false)), "", Path.of("02-uts.yaml"), Lesson.ROOT);
    private final Progress progress = Progress.fresh();
    private final Course course = new Course(List.of(uts), progress);
    /** The steps asked whether they hold now, in order: the rule asks lazily, nearest first. */
    private final List<Integer> asked = new ArrayList<>();

    private static Lesson.Step step(String title, boolean commands, boolean checks) {
        return new Lesson.Step(title, "", commands ? List.of(new Lesson.Command("true", false)) : List.of(), List.of(),
                checks ? List.of(CHECK) : List.of(), "");
    }

    private OptionalInt ahead(Set<Integer> atStart, Set<Integer> now) {
        asked.clear();
        return course.ahead(uts, atStart::contains, n -> {
            asked.add(n);
            return now.contains(n);
        });
    }

    @Test
    void aLaterStepsStateLeadsToTheNearestSuchStep() {
        progress.moveTo(2, 1);
        assertEquals(OptionalInt.of(2), ahead(Set.of(), Set.of(2, 3)));
        assertEquals(List.of(2), asked, "the nearest step that holds wins, and later ones are not even read");
        assertEquals(OptionalInt.of(3), ahead(Set.of(), Set.of(3)));
    }

    @Test
    void aStateThatHeldWhenTheLessonBeganIsNoSignOfBeingAhead() {
        progress.moveTo(2, 1);
        // "exit, and the container is gone": its checks hold in any fresh container
        assertEquals(OptionalInt.empty(), ahead(Set.of(3), Set.of(3)));
    }

    @Test
    void stepsWithNothingToTypeOrNothingToCheckAreNoEvidence() {
        progress.moveTo(2, 3);
        assertEquals(OptionalInt.empty(), ahead(Set.of(), Set.of(4, 5)));
        assertEquals(List.of(), asked, "neither step is read at all");
    }

    @Test
    void onlyLaterStepsCount() {
        progress.moveTo(2, 3);
        assertEquals(OptionalInt.empty(), ahead(Set.of(), Set.of(1, 2, 3)));
        progress.moveTo(2, 5);
        assertEquals(OptionalInt.empty(), ahead(Set.of(), Set.of(1, 2, 3)));
    }

    @Test
    void resettingOneStepReplaysTheStepsBeforeIt() {
        progress.moveTo(2, 3);
        progress.pass(2, 1);
        progress.pass(2, 2);
        assertEquals(2, course.beforeCurrent(uts));
        progress.moveTo(2, 1);
        assertEquals(0, course.beforeCurrent(uts), "step 1 starts from a fresh container");
        progress.moveTo(2, 9); // a hand-edited progress file past the end
        assertEquals(4, course.beforeCurrent(uts));
    }

    // ---- stuck: check, next and hint never answer the same failure the same way

    private static CheckResult failed(String seen) {
        return new CheckResult("the host end is up", false, "UP", seen, "`host ip link set diyc-h8a up`");
    }

    @Test
    void theSameFailureAgainIsCountedAndAChangedOneStartsOver() {
        Attempts a = new Attempts();
        a.at("8.3");
        assertEquals(1, a.failed(List.of(failed("DOWN"))));
        assertEquals(2, a.failed(List.of(failed("DOWN"))));
        assertEquals(3, a.failed(List.of(failed("DOWN"))));
        assertEquals(1, a.failed(List.of(failed("LOWERLAYERDOWN"))), "something changed: a new failure");
        a.at("8.4");
        assertEquals(1, a.failed(List.of(failed("LOWERLAYERDOWN"))), "another step starts afresh");
    }

    @Test
    void theFirstHintAfterAFailureAddressesItThenTheCommandsThenTheWaysOn() {
        Attempts a = new Attempts();
        a.at("8.3");
        a.failed(List.of(failed("DOWN")));
        assertEquals(Attempts.Hint.ABOUT_FAILURE, a.nextHint());
        assertEquals(Optional.of(failed("DOWN")), a.lastFailure());
        assertEquals(Attempts.Hint.COMMANDS, a.nextHint());
        assertEquals(Attempts.Hint.ALL_GIVEN, a.nextHint());
        assertEquals(Attempts.Hint.ALL_GIVEN, a.nextHint(), "and it stays there, pointing to step and reset step");
        a.failed(List.of(failed("DOWN")));
        assertEquals(Attempts.Hint.ALL_GIVEN, a.nextHint(), "the same failure again is not explained twice");
        a.failed(List.of(failed("UNKNOWN")));
        assertEquals(Attempts.Hint.ABOUT_FAILURE, a.nextHint(), "a new failure is");
    }

    @Test
    void withoutAFailureTheFirstHintIsTheStepsNudge() {
        Attempts a = new Attempts();
        a.at("2.1");
        assertEquals(Attempts.Hint.NUDGE, a.nextHint());
        assertEquals(Attempts.Hint.COMMANDS, a.nextHint());
        a.failed(List.of(failed("DOWN")));
        assertEquals(Attempts.Hint.ABOUT_FAILURE, a.nextHint(), "a failure after the nudge is still addressed");
        a.passed();
        assertTrue(a.lastFailure().isEmpty());
        a.forget();
        assertEquals(Attempts.Hint.NUDGE, a.nextHint(), "reset step: the hints start again");
        assertFalse(a.lastFailure().isPresent());
    }
}
