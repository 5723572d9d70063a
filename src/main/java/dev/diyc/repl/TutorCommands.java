package dev.diyc.repl;

import dev.diyc.term.UserError;
import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonRunner;
import dev.diyc.lesson.Tutor;
import java.util.ArrayList;
import java.util.List;

/** The learner's commands: {@code lesson ...}, {@code step}, {@code check}, {@code hint}, {@code next}, {@code reset}. */
public final class TutorCommands {
    public static final List<String> LESSON_SUBCOMMANDS = List.of("list", "show", "next", "prev", "goto", "run");

    private TutorCommands() {}

    public static void register(Engine engine, Tutor tutor) {
        engine.register("lesson", (e, args) -> lesson(e, tutor, args));
        engine.register("step", (e, args) -> noArgs("step", args, () -> tutor.runStep()));
        engine.register("check", (e, args) -> noArgs("check", args, () -> tutor.check()));
        engine.register("hint", (e, args) -> noArgs("hint", args, () -> {
            tutor.hint();
            return true;
        }));
        engine.register("next", (e, args) -> noArgs("next", args, () -> {
            tutor.next();
            return true;
        }));
        engine.register("reset", (e, args) -> reset(e, tutor, args.strip()));
    }

    private interface Action {
        boolean run();
    }

    private static Engine.Outcome noArgs(String name, String args, Action a) {
        if (!args.isBlank()) {
            throw new UserError(name + " takes no arguments (it works on the current step)");
        }
        return a.run() ? Engine.Outcome.OK : Engine.Outcome.FAILED;
    }

    private static Engine.Outcome lesson(Engine engine, Tutor tutor, String args) {
        String[] a = args.strip().split("\\s+", 2);
        String target = a.length > 1 ? a[1].strip() : "";
        switch (a[0]) {
            case "", "list" -> tutor.list();
            case "show" -> tutor.show(target);
            case "next" -> tutor.nextLesson();
            case "prev" -> tutor.previousLesson();
            case "goto" -> tutor.goTo(target);
            case "run" -> {
                return run(engine, tutor, target);
            }
            default -> throw new UserError("lesson " + a[0] + "? Try: lesson " + String.join(", lesson ", LESSON_SUBCOMMANDS));
        }
        return Engine.Outcome.OK;
    }

    /** {@code lesson run N|all}: every step and check, as an instructor would run it in front of a room. */
    private static Engine.Outcome run(Engine engine, Tutor tutor, String target) {
        if (target.isEmpty()) {
            throw new UserError("lesson run which? A number, an id, or all (lesson list shows them)");
        }
        List<Lesson> chosen = target.equals("all") ? tutor.lessons() : List.of(tutor.find(target));
        if (target.equals("all") && !dev.diyc.sys.Privileges.isRoot()) {
            engine.console().say(dev.diyc.lesson.LessonNeeds.withoutRoot(chosen));
            chosen = chosen.stream().filter(l -> !l.needsRoot()).toList();
        }
        LessonRunner runner = new LessonRunner(engine.lab(), engine.console(),
                line -> engine.execute(line) == Engine.Outcome.OK, engine::prompt);
        List<String> failed = new ArrayList<>();
        for (Lesson l : chosen) {
            if (!runner.run(l)) {
                failed.add(Integer.toString(l.number()));
            }
        }
        engine.lab().resetAll();
        tutor.containerReplaced();
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

    private static Engine.Outcome reset(Engine engine, Tutor tutor, String args) {
        switch (args) {
            case "" -> tutor.reset();
            case "--all --yes", "--yes --all" -> tutor.resetAll();
            case "--all" -> {
                if (!engine.confirm("forget all progress (every lesson, every passed step)?")) {
                    engine.console().say("nothing forgotten (reset --all --yes skips the question)");
                    return Engine.Outcome.OK;
                }
                tutor.resetAll();
            }
            default -> throw new UserError("reset takes nothing, --all, or --all --yes");
        }
        return Engine.Outcome.OK;
    }
}
