package dev.diyc.bench;

import dev.diyc.Home;
import dev.diyc.progress.ProgressStore;
import dev.diyc.progress.StateDir;
import dev.diyc.session.Engine;
import dev.diyc.session.Frontend;
import dev.diyc.session.Io;
import dev.diyc.session.Session;
import dev.diyc.term.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The session both benchmarks drive: every command registered, no lessons, progress in a temporary directory. */
final class BenchSession {
    private BenchSession() {}

    static Engine open(Path image, Console quiet) throws IOException {
        Path state = Files.createTempDirectory("diyc-bench-state");
        // The progress file the session writes goes with the benchmark: /tmp keeps nothing of it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var files = Files.walk(state)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory the system cleans anyway
            }
        }));
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString());
        ProgressStore store = new ProgressStore(StateDir.of(env));
        Io io = new Io(System.in, System.out, System.err, env, false);
        return Session.open(Home.dir(), image, CompletableFuture.completedFuture(List.of()), quiet, store, store.load(s -> {}),
                Frontend.script(), io);
    }
}
