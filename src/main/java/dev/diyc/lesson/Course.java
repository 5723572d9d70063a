package dev.diyc.lesson;

import dev.diyc.progress.Progress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/**
 * The learner's way through the lessons, read from their progress: where they are, what comes next,
 * what "done" means and what to replay to rebuild their container. Pure: it prints nothing, touches no
 * lab and saves nothing, so the tutor's decisions can be tested in milliseconds.
 */
final class Course {
    private final List<Lesson> lessons;
    private final Progress progress;

    /** @param lessons in order, as the loader sorts them */
    Course(List<Lesson> lessons, Progress progress) {
        this.lessons = lessons;
        this.progress = progress;
    }

    List<Lesson> lessons() {
        return lessons;
    }

    /** True on a first start: no progress file existed. */
    boolean fresh() {
        return progress.isFresh();
    }

    // ---- where the learner is

    /** The open lesson; empty before the first {@code lesson next} or when its file is gone. */
    Optional<Lesson> current() {
        int number = progress.lesson();
        return number < 0 ? Optional.empty() : lessons.stream().filter(l -> l.number() == number).findFirst();
    }

    /** The step number as saved, which the step heading and status line show as it is. */
    int stepNumber() {
        return progress.step();
    }

    /** The current step's number kept within the lesson (a hand-edited progress file may point past its end). */
    /** What the presenter's autopilot types at this step ({@link Lesson.Step#presented}); lesson next before a lesson is open. */
    List<String> presented() {
        return current().map(l -> step(l).presented(stepIn(l) == l.steps().size())).orElse(List.of("lesson next"));
    }

    int stepIn(Lesson l) {
        return Math.min(Math.max(progress.step(), 1), l.steps().size());
    }

    /** The current step of {@code l}. */
    Lesson.Step step(Lesson l) {
        return l.steps().get(stepIn(l) - 1);
    }

    boolean passed(Lesson l, int step) {
        return progress.passed(l.number(), step);
    }

    /** True when {@code step} of {@code l} is where the learner is. */
    boolean isCurrentStep(Lesson l, int step) {
        return l == current().orElse(null) && progress.step() == step;
    }

    /** Every step of the lesson passed its check. */
    boolean done(Lesson l) {
        return firstUnpassedOrNone(l) == 0;
    }

    /** The last step passed, whatever happened to the ones before (the learner may have skipped ahead). */
    boolean finished(Lesson l) {
        return passed(l, l.steps().size());
    }

    // ---- what comes next

    /** The first lesson, in order, with a step that has not passed. */
    Optional<Lesson> firstUnfinished() {
        return lessons.stream().filter(l -> !done(l)).findFirst();
    }

    /** Where {@code lesson next} opens a lesson: its first step that has not passed, or step 1 when all have. */
    int firstUnpassed(Lesson l) {
        int s = firstUnpassedOrNone(l);
        return s == 0 ? 1 : s;
    }

    private int firstUnpassedOrNone(Lesson l) {
        for (int s = 1; s <= l.steps().size(); s++) {
            if (!passed(l, s)) {
                return s;
            }
        }
        return 0;
    }

    /** What {@code next} does from here. */
    NextMove next() {
        Optional<Lesson> open = current();
        if (open.isEmpty()) {
            return new NextMove.FirstUnfinished();
        }
        Lesson l = open.get();
        if (!passed(l, progress.step())) {
            return new NextMove.CheckFirst();
        }
        if (progress.step() < l.steps().size()) {
            return new NextMove.ToStep(l, progress.step() + 1);
        }
        return new NextMove.Finish(l, following(l));
    }

    /**
     * Where a learner who typed ahead already is: the nearest later step of {@code l} whose checks
     * hold now ({@code holdsNow}, asked lazily, nearest first) and did not already hold when the
     * lesson began ({@code heldAtStart}: a step that returns to the start, "exit, and the container
     * is gone", is no sign of being ahead). Steps with nothing to type or nothing to check are no
     * evidence either way. Empty when the learner is not ahead.
     */
    OptionalInt ahead(Lesson l, IntPredicate heldAtStart, IntPredicate holdsNow) {
        for (int s = stepIn(l) + 1; s <= l.steps().size(); s++) {
            Lesson.Step step = l.steps().get(s - 1);
            if (!step.commands().isEmpty() && !step.checks().isEmpty() && !heldAtStart.test(s) && holdsNow.test(s)) {
                return OptionalInt.of(s);
            }
        }
        return OptionalInt.empty();
    }

    /** How many steps' commands rebuild the state at the start of the current step ({@code reset step}). */
    int beforeCurrent(Lesson l) {
        return stepIn(l) - 1;
    }

    /** The lesson after {@code l}, if there is one. */
    Optional<Lesson> following(Lesson l) {
        int i = lessons.indexOf(l);
        return i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1)) : Optional.empty();
    }

    /** The lesson before the open one; empty at the first lesson and when none is open. */
    Optional<Lesson> previous() {
        int i = current().map(lessons::indexOf).orElse(0);
        return i <= 0 ? Optional.empty() : Optional.of(lessons.get(i - 1));
    }

    /**
     * How many steps' commands rebuild the learner's container: those before the current step, and
     * the current one too once it passed.
     */
    int replayed(Lesson l) {
        return passed(l, progress.step()) ? progress.step() : progress.step() - 1;
    }

    /** A lesson by its number or its id (any case). */
    Optional<Lesson> find(String target) {
        return lessons.stream().filter(l -> Integer.toString(l.number()).equals(target) || l.id().equalsIgnoreCase(target))
                .findFirst();
    }
}
