package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.Home;
import dev.diyc.ns.Lab;
import dev.diyc.rootfs.Rootfs;
import dev.diyc.term.Sink;
import dev.diyc.testing.HostState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checker against state that arrives late, in a real lab (root needed): the container's shell
 * creates a file a moment after the check first reads, as the kernel brings a link up a moment after
 * {@code ip link set up} on a busy machine. A settling check waits for it within the bound; a command
 * that was not declared read-only is read once; a check that never holds fails once the bound passed.
 */
class CheckerSettlesTest {
    private static final Duration BOUND = Duration.ofSeconds(2);

    private HostState before;
    private Lab lab;

    @BeforeEach
    void open() throws IOException {
        before = HostState.now();
        lab = Lab.open(Rootfs.ensureDefault(Home.dir(), line -> {}), new Sink.Capture());
    }

    @AfterEach
    void close() {
        lab.close();
        HostState.assertUnchanged(before, "after a lab for the checker");
    }

    /** A file the container's shell creates in the playground after {@code ms}, in the background. */
    private Path arrivingAfter(int ms) {
        Path late = lab.playground().resolve("late");
        lab.ctr().capture("(sleep " + ms / 1000.0 + "; : > " + late + ") >/dev/null 2>&1 &");
        return late;
    }

    private static Lesson.Step step(Lesson.Check... checks) {
        return new Lesson.Step("t", "t", List.of(), List.of(), List.of(checks), "h");
    }

    private static Lesson.Check check(String probe, String equals, boolean settles) {
        return new Lesson.Check("the file is there", "ctr", ProbeSpec.parse(probe), List.of(new Expectation.Equals(equals)), "", settles);
    }

    @Test
    void aSettlingCheckWaitsForStateThatArrivesWithinTheBound() {
        Path late = arrivingAfter(400);
        long t0 = System.nanoTime();
        List<CheckResult> r = new Checker(lab, BOUND).checkAll(step(check("exists:" + late, "yes", true)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.get(0).passed(), r.toString());
        assertTrue(ms >= 300 && ms < BOUND.toMillis(), "passed once the file came, after " + ms + " ms");
    }

    @Test
    void withoutTheWaitTheSameCheckFailsThere() throws IOException {
        Path late = arrivingAfter(400);
        List<CheckResult> r = new Checker(lab, Duration.ZERO).checkAll(step(check("exists:" + late, "yes", true)));
        assertFalse(r.get(0).passed(), "read before the file came: " + r);
        assertEquals("no", r.get(0).seen());
        awaitFile(late); // the background shell is done before the lab closes
    }

    @Test
    void aCommandNotDeclaredReadOnlyRunsOnceAndFailsAtOnce() throws IOException {
        Path late = arrivingAfter(400);
        long t0 = System.nanoTime();
        List<CheckResult> r = new Checker(lab, BOUND).checkAll(step(check("status:test -e " + late, "0", false),
                check("exists:" + late, "yes", true)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(r.get(0).passed(), "the command was judged on its one run: " + r);
        assertTrue(r.get(1).passed(), "the typed probe beside it settled: " + r);
        assertTrue(ms < BOUND.toMillis(), ms + " ms");
    }

    @Test
    void aCheckThatNeverHoldsFailsOnceTheBoundHasPassedAndSaysWhatItSaw() {
        Path never = lab.playground().resolve("never");
        long t0 = System.nanoTime();
        List<CheckResult> r = new Checker(lab, Duration.ofMillis(600)).checkAll(step(check("exists:" + never, "yes", true),
                check("exists:" + never, "yes", true)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(r.get(0).passed());
        assertFalse(r.get(1).passed());
        assertEquals("no", r.get(1).seen());
        assertTrue(ms >= 600 && ms < 1600, "one bound for the step's checks together, not one each: " + ms + " ms");
    }

    private static void awaitFile(Path f) throws IOException {
        for (int i = 0; i < 50 && !Files.exists(f); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        assertTrue(Files.exists(f), "the background shell made " + f);
    }
}
