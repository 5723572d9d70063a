package dev.diyc.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the learner is (lesson, step) and which steps have passed their check. Steps are named
 * {@code LESSON.STEP}, both counted from the lesson file (step 1 is the first).
 */
public final class Progress {
    private int lesson;
    private int step;
    private final Set<String> passed = new TreeSet<>();
    private final boolean fresh;

    Progress(int lesson, int step, List<String> passed, boolean fresh) {
        this.lesson = lesson;
        this.step = step;
        this.passed.addAll(passed);
        this.fresh = fresh;
    }

    public static Progress fresh() {
        return new Progress(-1, 0, List.of(), true);
    }

    /** True when no progress file existed: a first start. */
    public boolean isFresh() {
        return fresh;
    }

    /** The current lesson's number, or -1 before the first lesson. */
    public int lesson() {
        return lesson;
    }

    public int step() {
        return step;
    }

    public void moveTo(int lessonNumber, int stepNumber) {
        lesson = lessonNumber;
        step = stepNumber;
    }

    public boolean passed(int lessonNumber, int stepNumber) {
        return passed.contains(lessonNumber + "." + stepNumber);
    }

    public void pass(int lessonNumber, int stepNumber) {
        passed.add(lessonNumber + "." + stepNumber);
    }

    /** Steps {@code from} to {@code to} of a lesson passed, and the learner at {@code to}: a check that found them all done. */
    public void passThrough(int lessonNumber, int from, int to) {
        for (int s = from; s <= to; s++) {
            pass(lessonNumber, s);
        }
        moveTo(lessonNumber, to);
    }

    /** Every passed step forgotten, and no lesson open ({@code reset --all}). */
    public void forgetAll() {
        passed.clear();
        moveTo(-1, 0);
    }

    /** Forgets the passed steps of one lesson (its reset). */
    public void forget(int lessonNumber) {
        passed.removeIf(s -> s.startsWith(lessonNumber + "."));
    }

    public List<String> passedSteps() {
        return new ArrayList<>(passed);
    }
}
