package dev.diyc.session;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.Tutor;
import dev.diyc.ns.Lab;
import dev.diyc.progress.Progress;
import dev.diyc.progress.ProgressStore;
import dev.diyc.term.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Opens the lab, the engine, the tutor and the commands the same way for the REPL, scripted mode and tests. */
public final class Session {
    private Session() {}

    public static Engine open(Path home, Path image, CompletableFuture<List<Lesson>> lessons, Console console, ProgressStore store,
            Progress progress, Frontend frontend, Io io) throws IOException {
        Lab lab = Lab.open(image, console);
        Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "diyc-cleanup"));
        Registry registry = new Registry();
        Engine engine = new Engine(lab, console, registry, io.env(), io.err());
        Tutor tutor = new Tutor(lessons, lab, console, line -> engine.execute(line) == Outcome.OK, engine::prompt,
                store, progress);
        StandardCommands.register(registry, home, tutor, frontend);
        Transcript transcript = new Transcript();
        console.tap(transcript);
        registry.add(new TranscriptCommand(transcript));
        registry.add(frontend.present());
        engine.tutor(tutor);
        return engine;
    }
}
