package dev.diyc.repl;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import dev.diyc.UserError;
import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code lesson list | show [N] | run N|ID|all}. */
public final class LessonCommand implements Engine.Builtin {
    private final java.util.concurrent.CompletableFuture<List<Lesson>> loading;
    private List<Lesson> lessons;

    /** @param lessons still loading when the prompt appears; the first lesson command waits for them */
    public LessonCommand(java.util.concurrent.CompletableFuture<List<Lesson>> lessons) {
        this.loading = lessons;
    }

    @Override
    public Engine.Outcome run(Engine engine, String args) {
        lessons = loading.join();
        if (lessons.isEmpty()) {
            throw new UserError("no lessons could be read (see the lines about lessons/ above)");
        }
        String[] a = args.strip().split("\\s+", 2);
        String sub = a[0];
        String target = a.length > 1 ? a[1].strip() : "";
        return switch (sub) {
            case "", "list" -> list(engine.console());
            case "show" -> show(engine.console(), find(target.isEmpty() ? String.valueOf(lessons.get(0).number()) : target));
            case "run" -> runLessons(engine, target);
            default -> throw new UserError("lesson " + sub + "? Try: lesson list, lesson show N, lesson run N|all");
        };
    }

    private Engine.Outcome list(Console console) {
        console.out(AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, lessons, Arrays.asList(
                new Column().header("#").dataAlign(HorizontalAlign.RIGHT).with(l -> Integer.toString(l.number())),
                new Column().header("id").dataAlign(HorizontalAlign.LEFT).with(Lesson::id),
                new Column().header("title").dataAlign(HorizontalAlign.LEFT).maxWidth(Math.max(20, console.width() - 40)).with(Lesson::title),
                new Column().header("posts").dataAlign(HorizontalAlign.LEFT).with(l -> String.join(" ", l.posts())))) + "\n");
        return Engine.Outcome.OK;
    }

    private Engine.Outcome show(Console console, Lesson l) {
        console.heading("Lesson " + l.number() + " · " + l.title());
        console.text(l.intro());
        for (int i = 0; i < l.steps().size(); i++) {
            Lesson.Step s = l.steps().get(i);
            console.plain("");
            console.heading("  " + (i + 1) + ". " + s.title());
            for (Lesson.Command c : s.commands()) {
                console.plain("       " + c.line());
            }
        }
        console.plain("");
        console.say("lesson run " + l.number() + " runs it all, with its checks");
        return Engine.Outcome.OK;
    }

    private Engine.Outcome runLessons(Engine engine, String target) {
        if (target.isEmpty()) {
            throw new UserError("lesson run which? A number, an id, or all (lesson list shows them)");
        }
        List<Lesson> chosen = target.equals("all") ? lessons : List.of(find(target));
        LessonRunner runner = new LessonRunner(engine.lab(), engine.console(),
                line -> engine.execute(line) == Engine.Outcome.OK, engine::prompt);
        List<String> failed = new ArrayList<>();
        for (Lesson l : chosen) {
            if (!runner.run(l)) {
                failed.add(Integer.toString(l.number()));
            }
        }
        engine.lab().resetContainer().shell().background(engine.console());
        if (chosen.size() > 1) {
            engine.console().plain("");
            if (failed.isEmpty()) {
                engine.console().ok("all " + chosen.size() + " lessons passed");
            } else {
                engine.console().fail("lessons that did not pass: " + String.join(", ", failed));
            }
        }
        return failed.isEmpty() ? Engine.Outcome.OK : Engine.Outcome.FAILED;
    }

    public Lesson find(String target) {
        for (Lesson l : lessons) {
            if (Integer.toString(l.number()).equals(target) || l.id().equals(target)) {
                return l;
            }
        }
        throw new UserError("there is no lesson " + target + "; lesson list shows the " + lessons.size() + " there are");
    }
}
