package dev.diyc.lesson;

import dev.diyc.term.Console;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Types a lesson's lines into the REPL as the learner would: a step's commands and views echoed after
 * the prompt ({@code step}, {@code lesson run}), or earlier steps' commands with the console muted
 * (rebuilding a container).
 */
final class Typist {
    private final Console console;
    private final LessonPrinter printer;
    private final Predicate<String> execute;
    private final Supplier<String> prompt;

    /**
     * @param execute runs one REPL line, true when it succeeded
     * @param prompt the prompt to echo before a line
     */
    Typist(Console console, LessonPrinter printer, Predicate<String> execute, Supplier<String> prompt) {
        this.console = console;
        this.printer = printer;
        this.execute = execute;
        this.prompt = prompt;
    }

    /**
     * Types the step's commands, then its views.
     *
     * @param misbehaved told at once of a command that failed when the lesson says it succeeds, or the
     *     other way round, before the next line is typed
     * @return true when every command behaved as the lesson says
     */
    boolean play(Lesson.Step s, Consumer<Lesson.Command> misbehaved) {
        boolean ok = true;
        for (Lesson.Command c : s.commands()) {
            printer.typed(prompt.get(), c.line());
            if (execute.test(c.line()) == c.fails()) {
                misbehaved.accept(c);
                ok = false;
            }
        }
        for (String view : s.show()) {
            printer.typed(prompt.get(), view);
            execute.test(view);
        }
        return ok;
    }

    /**
     * Types the commands of these steps with their output muted: the learner has seen them already.
     * Each line, and whether it behaved as the lesson says, goes to {@code replayed} as it is done.
     */
    void quietly(List<Lesson.Step> steps, Replayed replayed) {
        for (Lesson.Step s : steps) {
            for (Lesson.Command c : s.commands()) {
                boolean[] ok = {false};
                console.muted(() -> ok[0] = execute.test(c.line()) != c.fails());
                replayed.line(c.line(), ok[0]);
            }
        }
    }

    /** Told of each line a rebuild typed. */
    interface Replayed {
        /** @param asTheLessonSays false when the line failed where the lesson says it succeeds, or the other way round */
        void line(String line, boolean asTheLessonSays);

        Replayed SILENT = (line, ok) -> {};
    }
}
