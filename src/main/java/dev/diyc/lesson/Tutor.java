package dev.diyc.lesson;

import dev.diyc.ns.Lab;
import dev.diyc.progress.Progress;
import dev.diyc.progress.ProgressStore;
import dev.diyc.sys.Privileges;
import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The learner's way through the lessons: where they are, the step in front of them, whether it
 * passed, what to type next, and progress saved after every passed check so a learner who comes
 * back a week later resumes where they left off.
 *
 * <p>It coordinates: {@link Course} decides where the learner is and goes, {@link LessonPrinter}
 * says it, {@link LabStager} builds the container, {@link Checker} checks it, the store saves it.
 */
public final class Tutor {
    private final CompletableFuture<List<Lesson>> loading;
    private final Console console;
    private final ProgressStore store;
    private final Progress progress;
    private final Checker checker;
    private final LessonPrinter printer;
    private final Typist typist;
    private final LabStager stager;
    /** How many times {@code hint} was asked per step ({@code LESSON.STEP}) this session. */
    private final Map<String, Integer> hints = new HashMap<>();
    /** The verdicts of the last check and the step ({@code LESSON.STEP}) they belong to, for the presenter's notes. */
    private volatile String checkedStep = "";
    private volatile List<CheckResult> checked = List.of();

    public Tutor(CompletableFuture<List<Lesson>> lessons, Lab lab, Console console, Predicate<String> execute,
            Supplier<String> prompt, ProgressStore store, Progress progress) {
        this.loading = lessons;
        this.console = console;
        this.store = store;
        this.progress = progress;
        this.checker = new Checker(lab);
        this.printer = new LessonPrinter(console);
        this.typist = new Typist(console, printer, execute, prompt);
        this.stager = new LabStager(lab, checker, typist);
    }

    public List<Lesson> lessons() {
        List<Lesson> l = loading.join();
        if (l.isEmpty()) {
            throw new UserError("no lessons could be read (see the lines about lessons/ above)");
        }
        return l;
    }

    public Progress progress() {
        return progress;
    }

    /** Built afresh each time: the progress changes under it, and the lessons may still be loading at first. */
    private Course course() {
        return new Course(lessons(), progress);
    }

    // ---- where the learner is

    /** The open lesson, or null before the first {@code lesson next}. */
    public Lesson current() {
        // Before the first lesson there is nothing to look up, so the lesson list need not be read (nor be there).
        return progress.lesson() < 0 ? null : course().current().orElse(null);
    }

    private Lesson requireCurrent(String command) {
        Lesson l = current();
        if (l == null) {
            throw new UserError(command + ": no lesson is open yet. lesson next starts the first one, lesson list shows them all");
        }
        return l;
    }

    public boolean done(Lesson l) {
        return course().done(l);
    }

    /** For the status line: {@code lesson 3 · step 2/6}, or null outside a lesson. */
    public String status() {
        Lesson l = loading.isDone() ? current() : null;
        return l == null ? null : "lesson " + l.number() + " · step " + progress.step() + "/" + l.steps().size();
    }

    /** The last check's verdicts if they are the current step's, else none: the step has not been checked yet. */
    public List<CheckResult> lastCheck() {
        Lesson l = current();
        return l != null && checkedStep.equals(l.number() + "." + progress.step()) ? checked : List.of();
    }

    /** What the presenter's autopilot types at this step ({@link Lesson.Step#presented}); lesson next before a lesson is open. */
    public List<String> presented() {
        Lesson l = current();
        if (l == null) {
            return List.of("lesson next");
        }
        Course course = course();
        return course.step(l).presented(course.stepIn(l) == l.steps().size());
    }

    /** The first start's welcome, or where the learner left off (before the lab is ready). */
    public static void greet(Progress progress, List<Lesson> lessons, Console console) {
        new LessonPrinter(console).greet(new Course(lessons, progress));
    }

    /**
     * A later start: the container from last time is gone, so the steps before the current one are
     * replayed quietly to rebuild it, and the learner goes on where they were.
     */
    public void resume() {
        Lesson l = current();
        if (l != null && l.needsRoot() && !Privileges.isRoot()) {
            console.say("lesson " + l.number() + " needs root: run diyc with sudo to go on with it (sudo ./diyc)");
            return;
        }
        if (l != null && !done(l)) {
            stager.stage(l, course().replayed(l));
        }
    }

    // ---- navigation

    public void list() {
        printer.table(course());
    }

    public void show(String target) {
        Lesson l = target.isEmpty() ? (current() != null ? current() : lessons().get(0)) : find(target);
        printer.outline(l, course());
    }

    public void goTo(String target) {
        if (target.isEmpty()) {
            throw new UserError("lesson goto which? A number or an id (lesson list shows them)");
        }
        open(find(target), 1);
    }

    /** The first unfinished lesson, in order. */
    public void nextLesson() {
        Course course = course();
        course.firstUnfinished().ifPresentOrElse(l -> open(l, course.firstUnpassed(l)),
                () -> console.ok("every lesson is done. lesson goto N opens one again"));
    }

    public void previousLesson() {
        Lesson cur = current();
        Lesson before = course().previous().orElseThrow(
                () -> new UserError("there is no lesson before " + (cur == null ? "the first" : "lesson " + cur.number())));
        open(before, 1);
    }

    /** Opens a lesson at a step: a fresh container, the earlier steps replayed quietly, the step shown. */
    private void open(Lesson l, int stepNumber) {
        LessonNeeds.require(l);
        printer.opening(l);
        stageSaying(l, stepNumber - 1);
        progress.moveTo(l.number(), stepNumber);
        save();
        showStep(l);
    }

    /** Stages the lesson and, unlike {@link #resume}'s quiet rebuild, says when earlier steps were replayed. */
    private void stageSaying(Lesson l, int replay) {
        stager.stage(l, replay);
        if (replay > 0) {
            printer.replayed(replay);
        }
    }

    // ---- inside a lesson

    /** The current step: its text and the commands to type. */
    public void showStep(Lesson l) {
        Course course = course();
        printer.step(l, course.stepNumber(), course.step(l));
    }

    /** {@code step}: shows the current step and runs its commands and views, then checks it. */
    public boolean runStep() {
        Lesson l = requireCurrent("step");
        ensurePrepared(l);
        Lesson.Step s = course().step(l);
        showStep(l);
        // A command failing where the lesson says it succeeds shows in its own output; check says what is missing.
        typist.play(s, c -> {});
        return check();
    }

    /** {@code check}: the current step's checks against the real state, however the learner got there. */
    public boolean check() {
        Lesson l = requireCurrent("check");
        ensurePrepared(l);
        Lesson.Step s = course().step(l);
        List<CheckResult> results = checker.checkAll(s);
        checkedStep = l.number() + "." + progress.step();
        checked = List.copyOf(results);
        boolean all = CheckReport.print(console, results);
        if (all) {
            progress.pass(l.number(), progress.step());
            save();
            console.say(progress.step() < l.steps().size() ? "step " + progress.step() + " passed: next moves on"
                    : "the last step passed: next finishes the lesson");
        } else {
            console.say("not yet. hint gives a nudge; step runs the commands for you");
        }
        return all;
    }

    /** {@code next}: on to the next step once this one passed (checking it first if need be). */
    public void next() {
        NextMove move = course().next();
        if (move instanceof NextMove.CheckFirst) {
            if (!check()) {
                return;
            }
            move = course().next();
        }
        if (move instanceof NextMove.FirstUnfinished) {
            nextLesson();
        } else if (move instanceof NextMove.ToStep to) {
            progress.moveTo(to.lesson().number(), to.step());
            save();
            showStep(to.lesson());
        } else if (move instanceof NextMove.Finish finish) {
            printer.finished(finish.lesson(), finish.following());
        }
    }

    /** {@code hint}: a nudge first, then the exact commands. */
    public void hint() {
        Lesson l = requireCurrent("hint");
        int level = hints.merge(l.number() + "." + progress.step(), 1, Integer::sum);
        printer.hint(course().step(l), level);
    }

    /** {@code reset}: a fresh container and the current lesson from its first step. */
    public void reset() {
        Lesson l = current();
        if (l == null) {
            stager.clear();
            console.say("the container is fresh again: it shares every namespace with the host");
            return;
        }
        progress.forget(l.number());
        hints.clear();
        open(l, 1);
    }

    /** {@code reset --all}: every lesson's progress forgotten. */
    public void resetAll() {
        try {
            store.forgetAll();
        } catch (IOException e) {
            throw new UserError("could not remove " + store.file() + ": " + e.getMessage());
        }
        progress.moveTo(-1, 0);
        for (Lesson l : lessons()) {
            progress.forget(l.number());
        }
        hints.clear();
        stager.clear();
        console.say("all progress forgotten; lesson next starts from the first lesson");
    }

    /** After {@code lesson run}, which resets the container itself, the open lesson must be prepared again. */
    public void containerReplaced() {
        stager.forget();
    }

    private void ensurePrepared(Lesson l) {
        if (!stager.staged(l)) {
            stageSaying(l, course().replayed(l));
        }
    }

    private void save() {
        store.save(progress, console::error);
    }

    public Lesson find(String target) {
        return course().find(target).orElseThrow(
                () -> new UserError("there is no lesson " + target + "; lesson list shows the " + lessons().size() + " there are"));
    }
}
