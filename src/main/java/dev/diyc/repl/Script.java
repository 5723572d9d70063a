package dev.diyc.repl;

import dev.diyc.lesson.Lesson;
import dev.diyc.progress.ProgressStore;
import dev.diyc.progress.StateDir;
import dev.diyc.term.Console;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code diyc --script FILE}: REPL lines run one after another, each echoed after its prompt and
 * followed by its output, so the output is a transcript an instructor can paste. Exit status 1 if
 * any command failed or any check did not pass.
 */
public final class Script {
    private Script() {}

    public static int run(InputStream in, Path home, Path image, java.util.concurrent.CompletableFuture<List<Lesson>> lessons, boolean noColor) throws IOException {
        boolean color = !noColor && System.console() != null && !"dumb".equals(System.getenv("TERM"));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Console console = new Console(out, color, Script::columns);
        ProgressStore store = new ProgressStore(StateDir.of(System.getenv()));
        Engine engine = Sessions.open(home, image, lessons, console, store, store.load(console::error));
        engine.register("shell", (e, args) -> {
            throw new dev.diyc.term.UserError("shell hands the terminal to a shell in the container; scripted mode has no terminal: use ctr CMD");
        });
        engine.register("run", new RunCommand(false));
        int failures = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                console.plain(engine.prompt() + line);
                Engine.Outcome o = engine.execute(line);
                if (o == Engine.Outcome.FAILED) {
                    failures++;
                } else if (o == Engine.Outcome.QUIT) {
                    break;
                }
            }
        } finally {
            engine.lab().close();
        }
        if (failures > 0) {
            console.plain("diyc: " + failures + " line" + (failures == 1 ? "" : "s") + " failed");
        }
        return failures == 0 ? 0 : 1;
    }

    private static int columns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
