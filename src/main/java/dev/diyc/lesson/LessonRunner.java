package dev.diyc.lesson;

import dev.diyc.ns.Lab;
import dev.diyc.term.Console;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a lesson from start to end, as an instructor would type it: each step's commands (echoed
 * after the prompt, as in a transcript), its views, then its checks against the real state.
 */
public final class LessonRunner {
    private final Console console;
    private final Checker checker;
    private final LessonPrinter printer;
    private final Typist typist;
    private final LabStager stager;

    /**
     * @param execute runs one REPL line, true when it succeeded
     * @param prompt the prompt to echo before a line
     */
    public LessonRunner(Lab lab, Console console, Predicate<String> execute, Supplier<String> prompt) {
        this.console = console;
        this.checker = new Checker(lab);
        this.printer = new LessonPrinter(console);
        this.typist = new Typist(console, printer, execute, prompt);
        this.stager = new LabStager(lab, checker, typist);
    }

    /** @return true when every command behaved as the lesson says and every check passed */
    public boolean run(Lesson lesson) {
        LessonNeeds.require(lesson);
        printer.opening(lesson);
        stager.stage(lesson, 0);
        boolean ok = true;
        List<Lesson.Step> steps = lesson.steps();
        for (int i = 0; i < steps.size(); i++) {
            Lesson.Step step = steps.get(i);
            printer.stepAsRun(i + 1, steps.size(), step);
            ok &= typist.play(step, c -> console.fail(c.fails() ? "this command was meant to fail, and it succeeded: " + c.line()
                    : "this command failed: " + c.line()));
            ok &= CheckReport.print(console, checker.checkAll(step));
        }
        printer.outro(lesson);
        return ok;
    }
}
