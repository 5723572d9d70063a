package dev.diyc.repl;

import dev.diyc.lesson.Lesson;
import dev.diyc.ns.Lab;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Opens the lab and the engine the same way for the REPL and for scripted mode. */
final class Sessions {
    private Sessions() {}

    static Engine open(Path image, java.util.concurrent.CompletableFuture<List<Lesson>> lessons, Console console) throws IOException {
        Lab lab = Lab.open(image, console);
        Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "diyc-cleanup"));
        return new Engine(lab, console, Map.of("lesson", new LessonCommand(lessons), "help", new Help()));
    }
}
