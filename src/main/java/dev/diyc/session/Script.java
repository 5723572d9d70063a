package dev.diyc.session;

import dev.diyc.lesson.Lesson;
import dev.diyc.progress.ProgressStore;
import dev.diyc.progress.StateDir;
import dev.diyc.term.AsciiCast;
import dev.diyc.term.Console;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code diyc --script FILE}: REPL lines run one after another, each echoed after its prompt and
 * followed by its output, so the output is a transcript an instructor can paste. Exit status 1 if
 * any command failed or any check did not pass.
 */
public final class Script {
    private Script() {}

    /**
     * @param lines the script (a file, or io's input for --script -)
     * @param record where to record the session as asciicast v2, or null
     */
    public static int run(InputStream lines, Io io, Path home, Path image, CompletableFuture<List<Lesson>> lessons, boolean noColor,
            Path record) throws IOException {
        boolean color = !noColor && io.terminal() && !"dumb".equals(io.env().get("TERM"));
        PrintWriter out = new PrintWriter(io.out(), true, StandardCharsets.UTF_8);
        Console console = new Console(out, color, io::columns);
        AsciiCast cast = record == null ? null : AsciiCast.create(record, io.columns(), rows(io), io.env().get("TERM"));
        if (cast != null) {
            StateDir.of(io.env()).own(record);
            console.tap(cast);
        }
        ProgressStore store = new ProgressStore(StateDir.of(io.env()));
        Engine engine = Session.open(home, image, lessons, console, store, store.load(console::error), Frontend.script(), io);
        int failures = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(lines, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                console.typed(engine.prompt(), line, true);
                Outcome o = engine.execute(line);
                if (o == Outcome.FAILED) {
                    failures++;
                } else if (o == Outcome.QUIT) {
                    break;
                }
            }
        } finally {
            engine.lab().close();
            if (cast != null) {
                console.untap(cast);
                cast.close();
            }
        }
        if (failures > 0) {
            console.plain("diyc: " + failures + " line" + (failures == 1 ? "" : "s") + " failed");
        }
        return failures == 0 ? 0 : 1;
    }

    /** The terminal's height as $LINES gives it, 24 when unset (a recording needs one). */
    private static int rows(Io io) {
        try {
            return Integer.parseInt(io.env().getOrDefault("LINES", "24"));
        } catch (NumberFormatException e) {
            return 24;
        }
    }
}
