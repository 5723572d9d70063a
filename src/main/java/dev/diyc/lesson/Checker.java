package dev.diyc.lesson;

import dev.diyc.ns.Lab;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Evaluates checks against the real state of the host and the container. */
public final class Checker {
    private final Lab lab;
    /** Probe values read when the lesson started, for {@code unchanged}. */
    private final Map<Reading, String> baseline = new HashMap<>();

    /** A probe in a context: what {@code unchanged} compares across the lesson. */
    private record Reading(String in, ProbeSpec probe) {}

    public Checker(Lab lab) {
        this.lab = lab;
    }

    /** Records the starting values of every probe the lesson's {@code unchanged} checks will compare. */
    public void baseline(Lesson lesson) {
        baseline.clear();
        for (Lesson.Step s : lesson.steps()) {
            for (Lesson.Check c : s.checks()) {
                if (c.expect().stream().anyMatch(Expectation.Unchanged.class::isInstance)) {
                    baseline.put(new Reading(c.in(), c.probe()), read(c.in(), c.probe()));
                }
            }
        }
    }

    private String read(String in, ProbeSpec probe) {
        return probe.read(lab.context(in)).strip();
    }

    public CheckResult check(Lesson.Check c) {
        String seen = read(c.in(), c.probe());
        String host = c.expect().stream().anyMatch(Expectation::comparesWithHost) ? read("host", c.probe()) : null;
        Observed observed = new Observed(seen, host, baseline.get(new Reading(c.in(), c.probe())));
        for (Expectation e : c.expect()) {
            if (!e.holds(observed)) {
                return new CheckResult(c.say(), false, e.sentence(observed), seen, c.fix());
            }
        }
        return new CheckResult(c.say(), true, null, seen);
    }

    public List<CheckResult> checkAll(Lesson.Step step) {
        return step.checks().stream().map(this::check).toList();
    }

    /** True when the step has checks and every one holds now (it stops at the first that fails). */
    boolean holds(Lesson.Step step) {
        return !step.checks().isEmpty() && step.checks().stream().allMatch(c -> check(c).passed());
    }
}
