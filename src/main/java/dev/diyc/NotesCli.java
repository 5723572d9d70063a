package dev.diyc;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import dev.diyc.lesson.NotesView;
import dev.diyc.lesson.SessionSlot;
import dev.diyc.lesson.Whereabouts;
import dev.diyc.progress.StateDir;
import dev.diyc.term.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code diyc notes}: the presenter's view, in a second terminal. It reads the file the running
 * session rewrites after every line (lesson.Whereabouts) four times a second and redraws when it
 * changed; it never talks to the session, so it cannot disturb it.
 */
@Command(name = "notes", mixinStandardHelpOptions = true,
        description = {"Speaker notes for the diyc session running on this machine (start it first, in another terminal): "
                + "the lesson and step, the notes, the lines still to come, the checks and their state. Follows the session until it ends.",
                "Run it as the same user as the session (sudo or not, the learner's state directory is the same)."})
final class NotesCli implements Callable<Integer> {
    private static final long POLL_MILLIS = 250;

    @Option(names = "--once", description = "print the notes once and exit, instead of following the session")
    boolean once;

    @Option(names = "--no-color", description = "plain text, even on a terminal")
    boolean noColor;

    private final Map<Integer, List<Lesson>> lessonsBySlot = new HashMap<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        StateDir state = StateDir.of(System.getenv());
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv().getOrDefault("TERM", "dumb"));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Console console = new Console(out, terminal && !noColor, NotesCli::columns);
        Optional<Whereabouts> shown = Whereabouts.live(state);
        if (shown.isEmpty()) {
            console.error("no diyc session is running for this user on this machine to follow (start sudo ./diyc in another terminal)");
            return Main.FAILED;
        }
        draw(console, out, terminal, shown.get());
        while (!once) {
            Thread.sleep(POLL_MILLIS);
            Optional<Whereabouts> now = Whereabouts.live(state);
            if (now.isEmpty()) {
                console.say("the session ended");
                return Main.OK;
            }
            if (!now.equals(shown)) {
                shown = now;
                draw(console, out, terminal, now.get());
            }
        }
        return Main.OK;
    }

    /** A terminal is redrawn from the top; a dumb one or a pipe gets each new state below the last. */
    private void draw(Console console, PrintWriter out, boolean terminal, Whereabouts w) {
        if (terminal) {
            out.print("\033[H\033[2J");
            out.flush();
        } else {
            console.plain("");
        }
        NotesView.print(console, w, lessonsBySlot.computeIfAbsent(w.slot(), NotesCli::lessons));
    }

    /** The lessons as that session reads them: a second session's names and addresses are its own. */
    private static List<Lesson> lessons(int slot) {
        try {
            return LessonLoader.loadAll(Home.dir().resolve("lessons"), SessionSlot.numbered(slot).rename()).lessons();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int columns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
