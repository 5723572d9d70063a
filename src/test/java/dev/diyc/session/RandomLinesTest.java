package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.diyc.testing.HostState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random lines through one real session, a hundred tries of {@code diyc.fuzz.lines / 100} lines each
 * (2,000 by default; -Ddiyc.fuzz.lines=10000 for a longer run), each try ended by reset: no line may
 * give an internal error or hang, and once the session is closed the host is as it was. Shrinking is
 * off: the session carries state from line to line, so a failing try is reported as it ran.
 */
class RandomLinesTest {
    private static final int LINES = Integer.getInteger("diyc.fuzz.lines", 2000);
    private static final AtomicInteger RAN = new AtomicInteger();
    /** Lines the safety rules turned into echo: what the run did not try. */
    private static final AtomicInteger FILTERED = new AtomicInteger();
    private static HostState before;
    private static Path state;
    private static LiveSession session;

    @BeforeContainer
    static void open() throws IOException {
        before = HostState.now();
        state = Files.createTempDirectory("diyc-fuzz-state");
        session = LiveSession.open(state);
    }

    @AfterContainer
    static void close() throws IOException {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            System.out.println("RandomLinesTest: " + RAN.get() + " lines ran (resets included), " + FILTERED.get()
                    + " of them turned into echo by the safety rules");
            try (var files = Files.walk(state)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        HostState.assertUnchanged(before, "after " + RAN.get() + " random lines");
    }

    @Provide
    Arbitrary<List<String>> lines() {
        return RandomLines.line().list().ofSize(Math.max(1, LINES / 100));
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void noLineGivesAnInternalErrorOrHangs(@ForAll("lines") List<String> lines) throws Exception {
        StringBuilder ran = new StringBuilder();
        for (String line : lines) {
            if (line.equals("echo filtered")) {
                FILTERED.incrementAndGet();
            }
            String out = execute(line, ran);
            ran.append("> ").append(line).append('\n');
            assertFalse(out.contains("internal error"), "internal error after:\n" + ran + out);
        }
        execute("reset", ran);
    }

    private static String execute(String line, StringBuilder ran) throws InterruptedException, ExecutionException {
        RAN.incrementAndGet();
        CompletableFuture<LiveSession.Ran> r = CompletableFuture.supplyAsync(() -> session.execute(line));
        try {
            return r.get(30, TimeUnit.SECONDS).text();
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 30 seconds to: " + line + "\nafter:\n" + ran);
        }
    }
}
