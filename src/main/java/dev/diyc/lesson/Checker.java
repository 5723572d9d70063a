package dev.diyc.lesson;

import dev.diyc.ns.Lab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates checks against the real state of the host and the container. A settling check that fails
 * is read again until it holds or the step's bound has passed: judging stays exact, only the timing
 * gives, because on a busy machine the kernel finishes some changes after the call that asked for them
 * has returned (a veth is LOWERLAYERDOWN for a moment after {@code ip link set up}).
 */
public final class Checker {
    /** How long a step's settling checks may wait, together, before they fail. */
    public static final Duration SETTLE_BOUND = Duration.ofSeconds(2);
    /** The first pause between readings, doubled up to {@link #LONGEST_PAUSE_MS}: most states settle in milliseconds. */
    private static final long FIRST_PAUSE_MS = 10;
    private static final long LONGEST_PAUSE_MS = 200;

    private final Lab lab;
    private final Duration bound;
    /** Probe values read when the lesson started, for {@code unchanged}. */
    private final Map<Reading, String> baseline = new HashMap<>();

    /** A probe in a context: what {@code unchanged} compares across the lesson. */
    private record Reading(String in, ProbeSpec probe) {}

    public Checker(Lab lab) {
        this(lab, SETTLE_BOUND);
    }

    Checker(Lab lab, Duration bound) {
        this.lab = lab;
        this.bound = bound;
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

    /** One reading, judged: the first expectation that does not hold fails the check. */
    CheckResult check(Lesson.Check c) {
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

    /**
     * Every check of a step, in order. The settling checks that failed are read again, after a pause
     * that grows, until they hold or the bound (one for the whole step, so a learner who has not done
     * the step yet waits it once) has passed; a check that held is never read again.
     */
    public List<CheckResult> checkAll(Lesson.Step step) {
        List<Lesson.Check> checks = step.checks();
        List<CheckResult> results = new ArrayList<>(checks.stream().map(this::check).toList());
        long deadline = System.nanoTime() + bound.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (waiting(checks, results) && System.nanoTime() < deadline) {
            if (!slept(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)))) {
                break; // Ctrl-C: the verdicts as they stand
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
            for (int i = 0; i < checks.size(); i++) {
                if (checks.get(i).settles() && !results.get(i).passed()) {
                    results.set(i, check(checks.get(i)));
                }
            }
        }
        return results;
    }

    private static boolean waiting(List<Lesson.Check> checks, List<CheckResult> results) {
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).settles() && !results.get(i).passed()) {
                return true;
            }
        }
        return false;
    }

    private static boolean slept(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True when the step has checks and every one holds now (it stops at the first that fails). */
    boolean holds(Lesson.Step step) {
        return !step.checks().isEmpty() && step.checks().stream().allMatch(c -> check(c).passed());
    }
}
