package dev.diyc.repl;


import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.Tutor;
import dev.diyc.ns.Lab;
import dev.diyc.progress.Progress;
import dev.diyc.progress.ProgressStore;
import dev.diyc.term.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Opens the lab, the engine and the tutor the same way for the REPL and for scripted mode. */
final class Sessions {
    private Sessions() {}

    static Engine open(Path home, Path image, CompletableFuture<List<Lesson>> lessons, Console console, ProgressStore store,
            Progress progress) throws IOException {
        Lab lab = Lab.open(image, console);
        Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "diyc-cleanup"));
        Engine engine = new Engine(lab, console, Map.of("help", new Help(),
                "explain", new ExplainCommand(home.resolve("lessons/explain"))));
        Tutor tutor = new Tutor(lessons, lab, console, line -> engine.execute(line) == Engine.Outcome.OK, engine::prompt,
                store, progress);
        TutorCommands.register(engine, tutor);
        engine.tutor(tutor);
        return engine;
    }
}
