package dev.diyc.lesson;

import dev.diyc.ns.Lab;

/**
 * Sets the lab up for a lesson: a fresh container, the checks' baseline taken before anything
 * changes, then the commands of the steps already done replayed quietly. It remembers which lesson
 * it staged, so the tutor stages again only when the container no longer fits the lesson.
 */
final class LabStager {
    private static final int NONE = -1;

    private final Lab lab;
    private final Checker checker;
    private final Typist typist;
    /** The lesson whose container this session has prepared (its checks' baseline taken), or NONE. */
    private int staged = NONE;

    /** @param checker the one that will check the lesson's steps, so its {@code unchanged} checks see this baseline */
    LabStager(Lab lab, Checker checker, Typist typist) {
        this.lab = lab;
        this.checker = checker;
        this.typist = typist;
    }

    /** A fresh container, the checks' baseline, then the commands of the first {@code replay} steps, quietly. */
    void stage(Lesson l, int replay) {
        lab.resetAll();
        checker.baseline(l);
        if (replay > 0) {
            typist.quietly(l.steps().subList(0, replay));
        }
        staged = l.number();
    }

    /** True when the container is the one {@link #stage} built for this lesson. */
    boolean staged(Lesson l) {
        return staged == l.number();
    }

    /** A fresh container shared with the host, for no lesson at all. */
    void clear() {
        lab.resetAll();
        staged = NONE;
    }

    /** Someone else (lesson run) replaced the container: the next use of a lesson stages it again. */
    void forget() {
        staged = NONE;
    }
}
