package dev.diyc.repl;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.SessionSlot;
import dev.diyc.lesson.Whereabouts;
import dev.diyc.lesson.Tutor;
import dev.diyc.progress.Progress;
import dev.diyc.progress.ProgressStore;
import dev.diyc.progress.StateDir;
import dev.diyc.session.Engine;
import dev.diyc.session.Frontend;
import dev.diyc.session.Io;
import dev.diyc.session.Outcome;
import dev.diyc.session.PresentCommand;
import dev.diyc.session.Session;
import dev.diyc.sys.Native;
import dev.diyc.term.AsciiCast;
import dev.diyc.term.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The interactive REPL on a real terminal (or a dumb one, or a pipe: plain text then). */
public final class Repl {
    /**
     * JLine reports through java.util.logging, which would print over the learner's screen. Held in
     * a field: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
     */
    private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

    private Repl() {}

    /**
     * The system's terminal when io is System's, JNI first: it opens about a third faster than running
     * stty (the exec provider). Other streams (a test's) get a dumb terminal over them.
     */
    static Terminal terminal(Io io) throws IOException {
        if (io.in() == System.in && io.out() == System.out) {
            return TerminalBuilder.builder().system(true).dumb(true).providers("jni,exec").build();
        }
        return TerminalBuilder.builder().system(false).dumb(true).streams(io.in(), io.out()).build();
    }

    /**
     * Loads what start-up loads, then exits: the launcher runs this once after a build to record a
     * class-data-sharing archive, so later starts read those classes from it instead of the jars.
     */
    public static void training(Io io, CompletableFuture<List<Lesson>> lessons) throws IOException {
        try (Terminal t = TerminalBuilder.builder().dumb(true).system(false).streams(io.in(), io.out()).build()) {
            LineReaderBuilder.builder().terminal(t).parser(new DefaultParser()).build();
            new Console(t.writer(), true, t::getWidth).say("training");
        }
        lessons.join();
    }

    /** @param record where to record the session as asciicast v2, or null */
    public static int run(Io io, Path home, Path image, CompletableFuture<List<Lesson>> lessons, boolean noColor, Path record)
            throws IOException {
        JLINE_LOG.setLevel(Level.OFF);
        Terminal terminal = terminal(io);
        if (terminal.getWidth() <= 0) {
            // A pty nobody sized (a script, a CI runner): JLine would squeeze the prompt to nothing.
            terminal.setSize(new Size(80, 24));
        }
        boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        Console console = new Console(terminal.writer(), !noColor && !dumb, terminal::getWidth, true);
        StateDir state = StateDir.of(io.env());
        AsciiCast cast = record == null ? null : AsciiCast.create(record, terminal.getWidth(), terminal.getHeight(), io.env().get("TERM"));
        if (cast != null) {
            state.own(record);
            console.tap(cast);
        }
        ProgressStore store = new ProgressStore(state);
        Progress progress = store.load(console::error);
        Tutor.greet(progress, lessons.join(), console);
        // The prompt comes first; the lab (native library, playground, shells) is made meanwhile,
        // and a returning learner's container is rebuilt up to their step.
        CompletableFuture<Engine> engine = new CompletableFuture<>();
        LineReader reader = reader(terminal, state, engine);
        StatusLine status = new StatusLine(terminal, dumb);
        Presenter[] presenter = new Presenter[1];
        Runnable presenterMoved = () -> {
            if (engine.isDone() && !engine.isCompletedExceptionally()) {
                status.show(engine.join(), presenter[0].label());
                publish(state, engine.join(), presenter[0]);
            }
        };
        presenter[0] = dumb ? null : new Presenter(reader, presenterMoved);
        Frontend frontend = new Frontend(true, new ShellCommand(terminal), new PresentCommand(presenter[0],
                "present types key by key, and a dumb terminal only sends whole lines: run diyc in a terminal "
                        + "(TERM=xterm-256color), or use step to let diyc type a step"));
        CompletableFuture.runAsync(() -> {
            try {
                Native.warmUp();
                Engine e = Session.open(home, image, lessons, console, store, progress, frontend, io);
                e.confirmWith(askOn(reader));
                e.tutor().resume();
                engine.complete(e);
                showPrompt(reader, e.prompt());
            } catch (IOException | RuntimeException ex) {
                engine.completeExceptionally(ex instanceof IOException failed ? new UncheckedIOException(failed) : ex);
            }
        });
        terminal.handle(Terminal.Signal.INT, s -> {
            if (engine.isDone()) {
                engine.join().interrupt();
            }
        });
        try {
            while (true) {
                String line;
                String prompt = engine.isDone() && !engine.isCompletedExceptionally() ? engine.join().prompt() : "ctr> ";
                if (presenter[0] != null && engine.isDone() && !engine.isCompletedExceptionally()) {
                    presenter[0].follow(engine.join().tutor());
                }
                console.abovePrompt(reader::printAbove);
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt: a fresh line, as in a shell
                } catch (EndOfFileException e) {
                    break; // Ctrl-D
                } finally {
                    console.abovePrompt(null);
                }
                Engine e = ready(engine, console);
                if (e == null) {
                    return 1;
                }
                console.typed(prompt, line, false);
                if (e.execute(line) == Outcome.QUIT) {
                    break;
                }
                String label = null;
                if (presenter[0] != null) {
                    presenter[0].ran(line);
                    presenter[0].follow(e.tutor());
                    label = presenter[0].label();
                }
                status.show(e, label);
                publish(state, e, presenter[0]);
            }
        } finally {
            status.clear();
            Whereabouts.remove(state, SessionSlot.current().number());
            if (cast != null) {
                console.untap(cast);
                cast.close();
            }
            if (engine.isDone() && !engine.isCompletedExceptionally()) {
                engine.join().lab().close();
            }
            try {
                reader.getHistory().save();
                state.own(state.file("history"));
            } catch (IOException e) {
                // history is a convenience
            }
            terminal.close();
        }
        return 0;
    }

    /**
     * The prompt drawn while the lab was being made is a bare {@code ctr>}; once a returning
     * learner's container is rebuilt, the prompt on the screen shows it ({@code ctr[4242]>}) at once.
     */
    private static void showPrompt(LineReader reader, String prompt) {
        if (reader instanceof LineReaderImpl impl && reader.isReading()) {
            impl.setPrompt(prompt);
            try {
                reader.callWidget(LineReader.REDRAW_LINE);
                reader.callWidget(LineReader.REDISPLAY);
            } catch (IllegalStateException e) {
                // the line was accepted meanwhile: the next prompt is drawn from the engine anyway
            }
        }
    }

    /**
     * Where this session is, for diyc notes in a second terminal (every session publishes it, so
     * notes can follow a presenter who has not typed present). Losing it only costs the notes.
     */
    private static void publish(StateDir state, Engine e, Presenter presenter) {
        try {
            Presenter.Mode mode = presenter == null ? Presenter.Mode.OFF : presenter.mode();
            Whereabouts.of(e.tutor(), mode.word, presenter == null ? 0 : presenter.typed()).write(state);
        } catch (IOException | RuntimeException ex) {
            // the notes will say no session runs; the session itself goes on
        }
    }

    /** The engine once the lab is up; on the first command after start that may take a moment. */
    private static Engine ready(CompletableFuture<Engine> engine, Console console) {
        try {
            return engine.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            console.error("could not set up the playground: " + cause.getMessage());
            return null;
        }
    }

    private static LineReader reader(Terminal terminal, StateDir state, CompletableFuture<Engine> engine) {
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEscapeChars(null);
        LineReaderBuilder b = LineReaderBuilder.builder().appName("diyc").terminal(terminal).parser(parser)
                .completer(new DiycCompleter(engine))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        try {
            state.create();
            Path history = state.file("history");
            if (!Files.exists(history)) {
                Files.createFile(history, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            state.own(history);
            b.variable(LineReader.HISTORY_FILE, history);
        } catch (IOException e) {
            // no history across sessions, then; everything else works
        }
        return b.build();
    }

    /** Questions (reset --all) asked at the prompt; Ctrl-C or Ctrl-D there is a no. */
    private static Predicate<String> askOn(LineReader reader) {
        return question -> {
            try {
                return reader.readLine(question + " [y/N] ").strip().toLowerCase().startsWith("y");
            } catch (UserInterruptException | EndOfFileException ex) {
                return false;
            }
        };
    }
}
