package dev.diyc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * kill -9 of diyc, then a bounded wait for its lifeline to finish undoing what diyc changed: the
 * lifeline is diyc's child shell that outlives it for exactly that, so its exit is the moment the host
 * must be as it was. A fixed pause is not that moment: on a slow VM the cleanup took longer than the
 * tests waited, and a host check saw a playground appear, or vanish in the next test.
 */
public final class KillNine {
    /** Far above what the lifeline itself allows (a scan of /proc, 5 s for cgroups to empty) on the slowest machine tested. */
    private static final Duration LIFELINE_BOUND = Duration.ofSeconds(60);

    private KillNine() {}

    /** Kills diyc with SIGKILL (no shutdown hook runs) and returns once its lifeline has ended. */
    public static void of(Process diyc) throws InterruptedException {
        List<ProcessHandle> lifelines = diyc.toHandle().children().filter(KillNine::isLifeline).toList();
        diyc.toHandle().destroyForcibly();
        if (!diyc.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("diyc " + diyc.pid() + " outlived kill -9 by 30 s");
        }
        if (lifelines.isEmpty()) {
            throw new AssertionError("diyc " + diyc.pid() + " had no lifeline to undo its changes after kill -9");
        }
        for (ProcessHandle lifeline : lifelines) {
            try {
                lifeline.onExit().get(LIFELINE_BOUND.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("diyc's lifeline " + lifeline.pid() + " was still undoing its changes "
                        + LIFELINE_BOUND.toSeconds() + " s after kill -9", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code /bin/sh -c SCRIPT diyc-lifeline}: the name is the shell's $0, its last argument. */
    private static boolean isLifeline(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).endsWith("\0diyc-lifeline\0");
        } catch (IOException e) {
            return false; // gone already: not diyc's lifeline, which lives as long as diyc
        }
    }
}
