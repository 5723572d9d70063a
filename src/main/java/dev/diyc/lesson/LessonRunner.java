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
    private final Lab lab;
    private final Console console;
    private final Predicate<String> execute;
    private final Supplier<String> prompt;
    private final Checker checker;

    /**
     * @param execute runs one REPL line, true when it succeeded
     * @param prompt the prompt to echo before a line
     */
    public LessonRunner(Lab lab, Console console, Predicate<String> execute, Supplier<String> prompt) {
        this.lab = lab;
        this.console = console;
        this.execute = execute;
        this.prompt = prompt;
        this.checker = new Checker(lab);
    }

    /** @return true when every command behaved as the lesson says and every check passed */
    public boolean run(Lesson lesson) {
        LessonNeeds.require(lesson);
        console.heading("━━ Lesson " + lesson.number() + " · " + lesson.title() + posts(lesson));
        console.text(lesson.intro());
        lab.resetAll();
        checker.baseline(lesson);
        boolean ok = true;
        List<Lesson.Step> steps = lesson.steps();
        for (int i = 0; i < steps.size(); i++) {
            Lesson.Step step = steps.get(i);
            console.plain("");
            console.heading("── Step " + (i + 1) + "/" + steps.size() + " · " + step.title());
            console.text(step.text());
            for (Lesson.Command c : step.commands()) {
                console.plain(prompt.get() + c.line());
                boolean succeeded = execute.test(c.line());
                if (succeeded == c.fails()) {
                    console.fail(c.fails() ? "this command was meant to fail, and it succeeded: " + c.line()
                            : "this command failed: " + c.line());
                    ok = false;
                }
            }
            for (String view : step.show()) {
                console.plain(prompt.get() + view);
                execute.test(view);
            }
            ok &= CheckReport.print(console, checker.checkAll(step));
        }
        if (!lesson.outro().isBlank()) {
            console.plain("");
            console.text(lesson.outro());
        }
        return ok;
    }

    private static String posts(Lesson l) {
        return l.posts().isEmpty() ? "" : " (posts " + String.join(", ", l.posts()) + ")";
    }
}
