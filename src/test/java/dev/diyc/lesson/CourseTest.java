package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.progress.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The tutor's navigation, decided in-process from hand-built lessons and a progress: no lab, no console. */
class CourseTest {
    private final Lesson notReal = lesson(0, "not-real", 2);
    private final Lesson uts = lesson(2, "uts", 3);
    private final Lesson net = lesson(7, "net", 4);
    private final Progress progress = Progress.fresh();
    private final Course course = new Course(List.of(notReal, uts, net), progress);

    private static Lesson lesson(int number, String id, int steps) {
        List<Lesson.Step> s = IntStream.rangeClosed(1, steps)
                .mapToObj(i -> new Lesson.Step("step " + i, "", List.of(new Lesson.Command("true", false)), List.of(), List.of(), ""))
                .toList();
        return new Lesson(number, id, "lesson " + id, List.of(), "", s, "", Path.of(id + ".yaml"), Lesson.ROOT);
    }

    private void passAll(Lesson l) {
        for (int s = 1; s <= l.steps().size(); s++) {
            progress.pass(l.number(), s);
        }
    }

    @Test
    void aFreshLearnerHasNoLessonOpenAndNextOpensTheFirst() {
        assertTrue(course.fresh());
        assertEquals(Optional.empty(), course.current());
        assertEquals(new NextMove.FirstUnfinished(), course.next());
        assertEquals(Optional.of(notReal), course.firstUnfinished());
        assertEquals(1, course.firstUnpassed(notReal));
        assertFalse(course.done(notReal));
    }

    @Test
    void midLessonTheCurrentStepIsCheckedBeforeNextMovesOn() {
        progress.moveTo(2, 2);
        progress.pass(2, 1);
        assertEquals(Optional.of(uts), course.current());
        assertEquals(uts.steps().get(1), course.step(uts));
        assertEquals(new NextMove.CheckFirst(), course.next());
        assertTrue(course.isCurrentStep(uts, 2));
        assertFalse(course.isCurrentStep(uts, 1));
        assertFalse(course.isCurrentStep(net, 2));

        progress.pass(2, 2);
        assertEquals(new NextMove.ToStep(uts, 3), course.next());
        assertEquals(3, course.firstUnpassed(uts));
        assertFalse(course.done(uts));
    }

    @Test
    void theLastStepPassedFinishesTheLessonAndNamesTheOneAfter() {
        progress.moveTo(2, 3);
        progress.pass(2, 3);
        assertTrue(course.finished(uts));
        assertEquals(new NextMove.Finish(uts, Optional.of(net)), course.next());

        progress.moveTo(7, 4);
        progress.pass(7, 4);
        assertEquals(new NextMove.Finish(net, Optional.empty()), course.next());
    }

    @Test
    void onlyEveryStepPassedIsDoneAndLessonNextSkipsWhatIsDone() {
        progress.pass(2, 3); // skipped ahead: the last step passed, the others not
        assertTrue(course.finished(uts));
        assertFalse(course.done(uts));
        assertEquals(1, course.firstUnpassed(uts));

        passAll(notReal);
        assertTrue(course.done(notReal));
        assertEquals(Optional.of(uts), course.firstUnfinished());
    }

    @Test
    void allDoneLeavesNothingUnfinished() {
        passAll(notReal);
        passAll(uts);
        passAll(net);
        assertEquals(Optional.empty(), course.firstUnfinished());
        assertEquals(1, course.firstUnpassed(net), "a done lesson opened again starts at its first step");
    }

    @Test
    void gotoFindsALessonByNumberOrIdInAnyCase() {
        assertEquals(Optional.of(uts), course.find("2"));
        assertEquals(Optional.of(net), course.find("NET"));
        assertEquals(Optional.of(notReal), course.find("not-real"));
        progress.moveTo(7, 1);
        assertEquals(Optional.of(uts), course.previous());
    }

    @Test
    void thereIsNoLessonBeforeTheFirstNorBeforeNone() {
        assertEquals(Optional.empty(), course.previous());
        progress.moveTo(0, 1);
        assertEquals(Optional.empty(), course.previous());
    }

    @Test
    void aLessonThatDoesNotExistIsNotFoundAndASavedOneThatVanishedIsNotOpen() {
        assertEquals(Optional.empty(), course.find("nope"));
        assertEquals(Optional.empty(), course.find("3"));
        progress.moveTo(99, 2); // a progress file from a course that had a lesson 99
        assertEquals(Optional.empty(), course.current());
        assertEquals(new NextMove.FirstUnfinished(), course.next());
    }

    @Test
    void theStepsBeforeTheCurrentOneAreReplayedAndItTooOnceItPassed() {
        progress.moveTo(7, 1);
        assertEquals(0, course.replayed(net));
        progress.pass(7, 1);
        assertEquals(1, course.replayed(net));
        progress.moveTo(7, 3);
        progress.pass(7, 2);
        assertEquals(2, course.replayed(net));
        progress.pass(7, 3);
        assertEquals(3, course.replayed(net));
    }

    @Test
    void aStepOutsideTheLessonIsKeptWithinItButShownAsSaved() {
        progress.moveTo(2, 9); // a hand-edited progress file
        assertEquals(3, course.stepIn(uts));
        assertEquals(9, course.stepNumber());
        progress.moveTo(2, 0);
        assertEquals(uts.steps().get(0), course.step(uts));
    }
}
