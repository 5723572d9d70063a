package dev.diyc.lesson;

import dev.diyc.ns.Lab;
import dev.diyc.progress.Progress;
import dev.diyc.progress.ProgressStore;
import dev.diyc.sys.Privileges;
import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import java.io.IOException;
import java.util.List;
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
    private final LessonPrinter printer;
    private final Typist typist;
    private final LabStager stager;
    private final Judge judge;
    /** How the learner fares on the current step: failures in a row, hints seen. */
    private final Attempts attempts = new Attempts();

    public Tutor(CompletableFuture<List<Lesson>> lessons, Lab lab, Console console, Predicate<String> execute,
            Supplier<String> prompt, ProgressStore store, Progress progress) {
        this.loading = lessons;
        this.console = console;
        this.store = store;
        this.progress = progress;
        Checker checker = new Checker(lab);
        this.printer = new LessonPrinter(console);
        this.typist = new Typist(console, printer, execute, prompt);
        this.stager = new LabStager(lab, checker, typist);
        this.judge = new Judge(console, checker, stager, printer, attempts);
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
        return l == null ? List.of() : judge.lastFor(l.number() + "." + progress.step());
    }

    /** What the presenter's autopilot types at this step ({@link Lesson.Step#presented}); lesson next before a lesson is open. */
    public List<String> presented() {
        return progress.lesson() < 0 ? List.of("lesson next") : course().presented();
    }

    /** The first start's welcome, or where the learner left off (before the lab is ready). */
    public static void greet(Progress progress, List<Lesson> lessons, Console console) {
        new LessonPrinter(console).greet(new Course(lessons, progress));
    }

    /**
     * A later start: the container from last time is gone, so the steps before the current one are
     * replayed to rebuild it, a line per command, and the step is shown again.
     */
    public void resume() {
        Lesson l = current();
        if (l != null && l.needsRoot() && !Privileges.isRoot()) {
            console.say("lesson " + l.number() + " needs root: run diyc with sudo to go on with it (sudo ./diyc)");
            return;
        }
        if (l != null && !done(l)) {
            stageSaying(l, course().replayed(l));
            showStep(l);
        }
    }

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

    /** Opens a lesson at a step: a fresh container, the earlier steps replayed, the step shown. */
    private void open(Lesson l, int stepNumber) {
        LessonNeeds.require(l);
        printer.opening(l);
        stageSaying(l, stepNumber - 1);
        progress.moveTo(l.number(), stepNumber);
        save();
        showStep(l);
    }

    /** Stages the lesson, a line per replayed command and a line to say the container was rebuilt. */
    private void stageSaying(Lesson l, int replay) {
        stager.stage(l, replay, printer::replayedLine);
        if (replay > 0) {
            printer.rebuilt(replay);
        }
    }

    /** The current step: its text and the commands to type. */
    public void showStep(Lesson l) {
        Course course = course();
        printer.step(l, course.stepNumber(), course.step(l));
    }

    /** {@code where}: the current step's text and commands again, nothing run. */
    public void where() {
        showStep(requireCurrent("where"));
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
        return judge("check");
    }

    /**
     * Checks the current step; a learner whose state is a later step's moves there, the steps up to
     * it counted as passed (their state is behind them).
     */
    private boolean judge(String command) {
        Lesson l = requireCurrent(command);
        ensurePrepared(l);
        Course course = course();
        attempts.at(l.number() + "." + course.stepIn(l));
        Judge.Verdict v = judge.judge(course, l, command);
        int upTo = v.passed() ? course.stepIn(l) : v.aheadAt();
        if (upTo > 0) {
            progress.passThrough(l.number(), course.stepIn(l), upTo);
            save();
        }
        if (v.passed() && command.equals("check")) {
            console.say(upTo < l.steps().size() ? "step " + upTo + " passed: next moves on" : "the last step passed: next finishes the lesson");
        }
        return upTo > 0;
    }

    /** {@code next}: on to the next step once this one passed (checking it first if need be). */
    public void next() {
        NextMove move = course().next();
        if (move instanceof NextMove.CheckFirst) {
            if (!judge("next")) {
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

    /** {@code hint}: what the failed check saw, else a nudge; then the exact commands; then the ways on. */
    public void hint() {
        Lesson l = requireCurrent("hint");
        attempts.at(l.number() + "." + course().stepIn(l));
        printer.hint(course().step(l), attempts.nextHint(), attempts.lastFailure());
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
        attempts.forget();
        open(l, 1);
    }

    /** {@code reset step}: the current step from its start, the steps before it replayed, the lesson kept. */
    public void resetStep() {
        Lesson l = requireCurrent("reset step");
        int before = course().beforeCurrent(l);
        attempts.forget();
        stageSaying(l, before);
        printer.restarted(course().stepIn(l));
        showStep(l);
    }

    /** {@code reset --all}: every lesson's progress forgotten. */
    public void resetAll() {
        try {
            store.forgetAll();
        } catch (IOException e) {
            throw new UserError("could not remove " + store.file() + ": " + e.getMessage());
        }
        progress.forgetAll();
        attempts.forget();
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
