package dev.diyc.repl;

import dev.diyc.lesson.Lesson;
import dev.diyc.sys.Native;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The interactive REPL on a real terminal. */
public final class Repl {
    private Repl() {}

    /** JNI first: it opens the terminal about a third faster than running stty (the exec provider). */
    static Terminal terminal() throws IOException {
        return TerminalBuilder.builder().system(true).dumb(true).providers("jni,exec").build();
    }

    /**
     * Loads what start-up loads, then exits: the launcher runs this once after a build to record a
     * class-data-sharing archive, so later starts read those classes from it instead of the jars.
     */
    public static void training(java.util.concurrent.CompletableFuture<List<Lesson>> lessons) throws IOException {
        try (Terminal t = TerminalBuilder.builder().dumb(true).system(false).streams(System.in, System.out).build()) {
            LineReaderBuilder.builder().terminal(t).parser(new DefaultParser()).build();
            new Console(t.writer(), true, t::getWidth).say("training");
        }
        lessons.join();
    }

    public static int run(Path image, java.util.concurrent.CompletableFuture<List<Lesson>> lessons, boolean noColor) throws IOException {
        Terminal terminal = terminal();
        if (terminal.getWidth() <= 0) {
            // A pty nobody sized (a script, a CI runner): JLine would squeeze the prompt to nothing.
            terminal.setSize(new org.jline.terminal.Size(80, 24));
        }
        boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        Console console = new Console(terminal.writer(), !noColor && !dumb, terminal::getWidth);
        console.heading("diyc: build a container by hand, one real syscall at a time");
        console.say("host CMD runs on the host, ctr CMD in the container (like the posts' two terminals); "
                + "lesson list shows the lessons, compare ns the namespaces side by side, quit leaves.");
        // The prompt comes first; the lab (native library, playground, shells) is made meanwhile.
        CompletableFuture<Engine> engine = CompletableFuture.supplyAsync(() -> {
            Native.warmUp();
            try {
                return Sessions.open(image, lessons, console);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEscapeChars(null);
        LineReader reader = LineReaderBuilder.builder().appName("diyc").terminal(terminal).parser(parser)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
        terminal.handle(Terminal.Signal.INT, s -> {
            if (engine.isDone()) {
                engine.join().interrupt();
            }
        });
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(engine.isDone() ? engine.join().prompt() : "ctr> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (engine.join().execute(line) == Engine.Outcome.QUIT) {
                    break;
                }
            }
        } finally {
            if (engine.isDone() && !engine.isCompletedExceptionally()) {
                engine.join().lab().close();
            }
            terminal.close();
        }
        return 0;
    }
}
