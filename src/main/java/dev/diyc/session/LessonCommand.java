package dev.diyc.session;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonNeeds;
import dev.diyc.lesson.LessonRunner;
import dev.diyc.lesson.Tutor;
import dev.diyc.sys.Privileges;
import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import java.util.ArrayList;
import java.util.List;

/** {@code lesson list | show [N] | next | prev | goto N|ID | run N|ID|all}: the lessons, through the tutor. */
final class LessonCommand extends DeclaredCommand {
    static final List<String> SUBCOMMANDS = List.of("list", "show", "next", "prev", "goto", "run");
    private static final WrittenHelp HELP = new WrittenHelp("lesson list | show [N] | next | prev | goto N|ID | run N|ID|all",
            "The lessons: list them (✓ done, ▶ current), read one, move between them, or run one whole with its checks.",
            "lesson goto 3");

    private final Tutor tutor;

    LessonCommand(Tutor tutor) {
        super(Scope.SESSION, Group.LESSONS, HELP, "lesson");
        this.tutor = tutor;
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        String[] a = call.args().strip().split("\\s+", 2);
        String target = a.length > 1 ? a[1].strip() : "";
        switch (a[0]) {
            case "", "list" -> tutor.list();
            case "show" -> tutor.show(target);
            case "next" -> tutor.nextLesson();
            case "prev" -> tutor.previousLesson();
            case "goto" -> tutor.goTo(target);
            case "run" -> {
                return runLessons(engine, target);
            }
            default -> throw new UserError("lesson " + a[0] + "? Try: lesson " + String.join(", lesson ", SUBCOMMANDS));
        }
        return Outcome.OK;
    }

    /** {@code lesson run N|all}: every step and check, as an instructor would run it in front of a room. */
    private Outcome runLessons(Engine engine, String target) {
        if (target.isEmpty()) {
            throw new UserError("lesson run which? A number, an id, or all (lesson list shows them)");
        }
        Console console = engine.console();
        List<Lesson> chosen = target.equals("all") ? tutor.lessons() : List.of(tutor.find(target));
        if (target.equals("all") && !Privileges.isRoot()) {
            console.say(LessonNeeds.withoutRoot(chosen));
            chosen = chosen.stream().filter(l -> !l.needsRoot()).toList();
        }
        LessonRunner runner = new LessonRunner(engine.lab(), console, line -> engine.execute(line) == Outcome.OK, engine::prompt);
        List<String> failed = new ArrayList<>();
        for (Lesson l : chosen) {
            if (!runner.run(l)) {
                failed.add(Integer.toString(l.number()));
            }
        }
        engine.lab().resetAll();
        tutor.containerReplaced();
        if (chosen.size() > 1) {
            console.plain("");
            if (failed.isEmpty()) {
                console.ok("all " + chosen.size() + " lessons passed");
            } else {
                console.fail("lessons that did not pass: " + String.join(", ", failed));
            }
        }
        return failed.isEmpty() ? Outcome.OK : Outcome.FAILED;
    }

    /** Subcommands first, then the lessons' numbers and ids (and all, after run). */
    @Override
    public Candidates complete(Engine engine, List<String> args) {
        if (args.size() <= 1) {
            return Candidates.of(SUBCOMMANDS);
        }
        List<String> targets = new ArrayList<>();
        for (Lesson l : tutor.lessons()) {
            targets.add(Integer.toString(l.number()));
            targets.add(l.id());
        }
        if (args.get(0).equals("run")) {
            targets.add("all");
        }
        return Candidates.of(targets);
    }
}
