package dev.diyc.lesson;

import dev.diyc.ns.Lab;
import java.util.HashSet;
import java.util.Set;

/**
 * Sets the lab up for a lesson: a fresh container, the checks' baseline taken before anything
 * changes (and which steps' checks hold already), then the commands of the steps already done
 * replayed with their output muted. It remembers which lesson
 * it staged, so the tutor stages again only when the container no longer fits the lesson.
 */
final class LabStager {
    private static final int NONE = -1;

    private final Lab lab;
    private final Checker checker;
    private final Typist typist;
    /** The lesson whose container this session has prepared (its checks' baseline taken), or NONE. */
    private int staged = NONE;
    /**
     * The steps (numbered from 1) whose checks already held in the fresh container, before anything
     * was replayed: their state is the lesson's start, so it is no sign that a learner is ahead.
     */
    private final Set<Integer> heldAtStart = new HashSet<>();

    /** @param checker the one that will check the lesson's steps, so its {@code unchanged} checks see this baseline */
    LabStager(Lab lab, Checker checker, Typist typist) {
        this.lab = lab;
        this.checker = checker;
        this.typist = typist;
    }

    /** A fresh container, the checks' baseline, then the commands of the first {@code replay} steps, quietly. */
    void stage(Lesson l, int replay) {
        stage(l, replay, Typist.Replayed.SILENT);
    }

    /** As {@link #stage(Lesson, int)}, telling {@code replayed} of each line replayed. */
    void stage(Lesson l, int replay, Typist.Replayed replayed) {
        lab.resetAll();
        checker.baseline(l);
        noteWhatHoldsAtStart(l);
        if (replay > 0) {
            typist.quietly(l.steps().subList(0, replay), replayed);
        }
        staged = l.number();
    }

    /**
     * Pings are left out: nothing is wired in a fresh container, so a reachability check cannot hold
     * there, and an unanswered ping would cost a second of every lesson's start.
     */
    private void noteWhatHoldsAtStart(Lesson l) {
        heldAtStart.clear();
        for (int i = 0; i < l.steps().size(); i++) {
            Lesson.Step s = l.steps().get(i);
            boolean pings = s.checks().stream().anyMatch(c -> c.probe().kind() == ProbeKind.PING);
            if (!pings && checker.holds(s)) {
                heldAtStart.add(i + 1);
            }
        }
    }

    /** True when step {@code number}'s checks held in the fresh container of the last {@link #stage}. */
    boolean heldAtStart(int number) {
        return heldAtStart.contains(number);
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
