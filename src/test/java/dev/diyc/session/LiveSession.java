package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diyc.Home;
import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import dev.diyc.progress.ProgressStore;
import dev.diyc.progress.StateDir;
import dev.diyc.rootfs.Rootfs;
import dev.diyc.term.Console;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A real session in the test's JVM, driven line by line through the engine, its console captured: the
 * lab, its shells and namespaces are real (root needed). Close it, then compare the host.
 */
final class LiveSession implements AutoCloseable {
    private static Path image;
    private static List<Lesson> lessons;

    private final StringWriter text = new StringWriter();
    private final Engine engine;

    /** What a line did: its outcome and everything printed meanwhile. */
    record Ran(Outcome outcome, String text) {}

    private LiveSession(Path state) throws IOException {
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString());
        ProgressStore store = new ProgressStore(StateDir.of(env));
        Console console = new Console(new PrintWriter(text, true), false, () -> 100);
        Io io = new Io(new ByteArrayInputStream(new byte[0]), System.out, System.err, env, false);
        engine = Session.open(Home.dir(), image(), CompletableFuture.completedFuture(lessons()), console, store,
                store.load(console::error), Frontend.script(), io);
    }

    /** @param state where the session keeps the learner's progress (a temporary directory) */
    static LiveSession open(Path state) {
        try {
            return new LiveSession(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Path image() {
        if (image == null) {
            try {
                image = Rootfs.ensureDefault(Home.dir(), line -> {});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return image;
    }

    static synchronized List<Lesson> lessons() {
        if (lessons == null) {
            try {
                lessons = LessonLoader.loadAll(Home.dir().resolve("lessons")).lessons();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lessons;
    }

    Engine engine() {
        return engine;
    }

    Ran execute(String line) {
        text.getBuffer().setLength(0);
        Outcome o = engine.execute(line);
        return new Ran(o, text.toString());
    }

    /** Runs a line that must end as {@code expected}, and returns what it printed. */
    String run(String line, Outcome expected) {
        Ran r = execute(line);
        assertEquals(expected, r.outcome(), line + " printed:\n" + r.text());
        return r.text();
    }

    @Override
    public void close() {
        engine.lab().close();
    }
}
