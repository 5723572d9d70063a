package dev.diyc.lesson;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import dev.diyc.term.UserError;
import dev.diyc.ns.Lab;
import dev.diyc.progress.Progress;
import dev.diyc.progress.ProgressStore;
import dev.diyc.term.Console;
import java.util.Arrays;
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
 */
public final class Tutor {
    private final CompletableFuture<List<Lesson>> loading;
    private final Lab lab;
    private final Console console;
    private final Predicate<String> execute;
    private final Supplier<String> prompt;
    private final ProgressStore store;
    private final Progress progress;
    private final Checker checker;
    private final Map<String, Integer> hints = new HashMap<>();
    /** The lesson whose container this session has prepared (its checks' baseline taken), or -1. */
    private int prepared = -1;

    public Tutor(CompletableFuture<List<Lesson>> lessons, Lab lab, Console console, Predicate<String> execute,
            Supplier<String> prompt, ProgressStore store, Progress progress) {
        this.loading = lessons;
        this.lab = lab;
        this.console = console;
        this.execute = execute;
        this.prompt = prompt;
        this.store = store;
        this.progress = progress;
        this.checker = new Checker(lab);
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

    // ---- where the learner is

    /** The open lesson, or null before the first {@code lesson next}. */
    public Lesson current() {
        return progress.lesson() < 0 ? null : lessons().stream().filter(l -> l.number() == progress.lesson()).findFirst().orElse(null);
    }

    private Lesson requireCurrent(String command) {
        Lesson l = current();
        if (l == null) {
            throw new UserError(command + ": no lesson is open yet. lesson next starts the first one, lesson list shows them all");
        }
        return l;
    }

    public boolean done(Lesson l) {
        for (int s = 1; s <= l.steps().size(); s++) {
            if (!progress.passed(l.number(), s)) {
                return false;
            }
        }
        return true;
    }

    /** For the status line: {@code lesson 3 · step 2/6}, or null outside a lesson. */
    public String status() {
        Lesson l = loading.isDone() ? current() : null;
        return l == null ? null : "lesson " + l.number() + " · step " + progress.step() + "/" + l.steps().size();
    }

    /** The first start's welcome, or where the learner left off (before the lab is ready). */
    public static void greet(Progress progress, List<Lesson> lessons, Console console) {
        if (progress.isFresh()) {
            console.heading("Welcome to diyc");
            console.text("""
                    diyc builds a container by hand, one real syscall at a time, the way the blog posts do with unshare, mount and pivot_root. \
                    Every syscall diyc makes is printed as strace would print it, and you can compare the host's view with the container's at any time.
                    There are two contexts, like the posts' two terminals: `host CMD` runs on the host, `ctr CMD` in the container; a bare command runs where the prompt says.
                    """);
            String row = "  %-12s %-27s %-6s %s";
            console.plain(String.format(row, "lesson next", "start the first lesson", "step", "diyc runs the step for you"));
            console.plain(String.format(row, "check", "check what you did", "hint", "a nudge, then the commands"));
            console.plain(String.format(row, "compare ns", "the host and the container", "help", "everything else"));
            return;
        }
        Lesson l = lessons.stream().filter(x -> x.number() == progress.lesson()).findFirst().orElse(null);
        if (l == null) {
            console.say("welcome back. lesson next starts the first unfinished lesson; lesson list shows them all");
        } else if (progress.passed(l.number(), l.steps().size())) {
            console.say("welcome back. You finished lesson " + l.number() + " (" + l.title() + "); lesson next goes on");
        } else {
            int step = Math.min(Math.max(progress.step(), 1), l.steps().size());
            console.say("welcome back. You were at lesson " + l.number() + " (" + l.title() + "), step " + step + "/"
                    + l.steps().size() + ": " + l.steps().get(step - 1).title()
                    + (step > 1 || progress.passed(l.number(), step) ? ". diyc replays what you did to rebuild your container" : "")
                    + ". step shows it again; hint helps");
        }
    }

    /**
     * A later start: the container from last time is gone, so the steps before the current one are
     * replayed quietly to rebuild it, and the learner goes on where they were.
     */
    public void resume() {
        Lesson l = current();
        if (l != null && l.needsRoot() && !dev.diyc.sys.Privileges.isRoot()) {
            console.say("lesson " + l.number() + " needs root: run diyc with sudo to go on with it (sudo ./diyc)");
            return;
        }
        if (l != null && !done(l)) {
            prepare(l, replayed(l), true);
        }
    }

    /** The steps whose commands rebuild the learner's container: those before the current one, and it too once it passed. */
    private int replayed(Lesson l) {
        return progress.passed(l.number(), progress.step()) ? progress.step() : progress.step() - 1;
    }

    // ---- navigation

    public void list() {
        Lesson open = current();
        console.out(AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, lessons(), Arrays.asList(
                new Column().header("").with(l -> done(l) ? "✓" : l == open ? "▶" : "·"),
                new Column().header("#").dataAlign(HorizontalAlign.RIGHT).with(l -> Integer.toString(l.number())),
                new Column().header("id").dataAlign(HorizontalAlign.LEFT).with(Lesson::id),
                // The title takes what the other columns leave of the terminal's width; posts wrap.
                new Column().header("title").dataAlign(HorizontalAlign.LEFT).maxWidth(Math.max(20, console.width() - 47)).with(Lesson::title),
                new Column().header("posts").dataAlign(HorizontalAlign.LEFT).maxWidth(11).with(l -> String.join(" ", l.posts())))) + "\n");
        console.say("✓ done   ▶ current   · not started.  lesson goto N opens one, lesson next the first unfinished");
    }

    public void show(String target) {
        Lesson l = target.isEmpty() ? (current() != null ? current() : lessons().get(0)) : find(target);
        console.heading("Lesson " + l.number() + " · " + l.title() + posts(l));
        console.text(l.intro());
        for (int i = 0; i < l.steps().size(); i++) {
            Lesson.Step s = l.steps().get(i);
            String mark = progress.passed(l.number(), i + 1) ? "✓" : (l == current() && progress.step() == i + 1 ? "▶" : "·");
            console.plain("  " + mark + " " + (i + 1) + ". " + s.title());
        }
    }

    public void goTo(String target) {
        if (target.isEmpty()) {
            throw new UserError("lesson goto which? A number or an id (lesson list shows them)");
        }
        open(find(target), 1);
    }

    /** The first unfinished lesson, in order. */
    public void nextLesson() {
        for (Lesson l : lessons()) {
            if (!done(l)) {
                open(l, firstUnpassed(l));
                return;
            }
        }
        console.ok("every lesson is done. lesson goto N opens one again");
    }

    public void previousLesson() {
        Lesson cur = current();
        List<Lesson> all = lessons();
        int i = cur == null ? 0 : all.indexOf(cur);
        if (i <= 0) {
            throw new UserError("there is no lesson before " + (cur == null ? "the first" : "lesson " + cur.number()));
        }
        open(all.get(i - 1), 1);
    }

    private int firstUnpassed(Lesson l) {
        for (int s = 1; s <= l.steps().size(); s++) {
            if (!progress.passed(l.number(), s)) {
                return s;
            }
        }
        return 1;
    }

    /** Opens a lesson at a step: a fresh container, the earlier steps replayed quietly, the step shown. */
    private void open(Lesson l, int stepNumber) {
        LessonNeeds.require(l);
        console.heading("━━ Lesson " + l.number() + " · " + l.title() + posts(l));
        console.text(l.intro());
        prepare(l, stepNumber - 1, false);
        progress.moveTo(l.number(), stepNumber);
        save();
        showStep(l);
    }

    /** A fresh container, the checks' baseline, then the commands of the first {@code replay} steps, quietly. */
    private void prepare(Lesson l, int replay, boolean quiet) {
        lab.resetAll();
        checker.baseline(l);
        if (replay > 0) {
            console.muted(() -> {
                for (Lesson.Step s : l.steps().subList(0, replay)) {
                    s.commands().forEach(c -> execute.test(c.line()));
                }
            });
            if (!quiet) {
                console.say("diyc replayed the commands of steps 1-" + replay + " to rebuild the container");
            }
        }
        prepared = l.number();
    }

    // ---- inside a lesson

    private Lesson.Step step(Lesson l) {
        return l.steps().get(Math.min(Math.max(progress.step(), 1), l.steps().size()) - 1);
    }

    /** The current step: its text and the commands to type. */
    public void showStep(Lesson l) {
        Lesson.Step s = step(l);
        console.plain("");
        console.heading("── Lesson " + l.number() + " · step " + progress.step() + "/" + l.steps().size() + " · " + s.title());
        console.text(s.text());
        if (!s.commands().isEmpty()) {
            console.plain("  type these (or step, and diyc runs them for you), then check:");
            s.commands().forEach(c -> console.plain("    " + c.line() + (c.fails() ? "      # fails, on purpose" : "")));
        } else {
            console.plain("  nothing to type here: look around (the views are below), then check");
        }
        for (String view : s.show()) {
            console.plain("  to see it: " + view);
        }
    }

    /** {@code step}: shows the current step and runs its commands and views, then checks it. */
    public boolean runStep() {
        Lesson l = requireCurrent("step");
        ensurePrepared(l);
        Lesson.Step s = step(l);
        showStep(l);
        for (Lesson.Command c : s.commands()) {
            console.plain(prompt.get() + c.line());
            execute.test(c.line());
        }
        for (String view : s.show()) {
            console.plain(prompt.get() + view);
            execute.test(view);
        }
        return check();
    }

    /** {@code check}: the current step's checks against the real state, however the learner got there. */
    public boolean check() {
        Lesson l = requireCurrent("check");
        ensurePrepared(l);
        Lesson.Step s = step(l);
        boolean all = CheckReport.print(console, checker.checkAll(s));
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
        Lesson l = current();
        if (l == null) {
            nextLesson();
            return;
        }
        if (!progress.passed(l.number(), progress.step()) && !check()) {
            return;
        }
        if (progress.step() < l.steps().size()) {
            progress.moveTo(l.number(), progress.step() + 1);
            save();
            showStep(l);
            return;
        }
        console.plain("");
        console.ok("lesson " + l.number() + " done: " + l.title());
        if (!l.outro().isBlank()) {
            console.text(l.outro());
        }
        List<Lesson> all = lessons();
        int i = all.indexOf(l);
        console.say(i + 1 < all.size() ? "lesson next starts lesson " + all.get(i + 1).number() + ": " + all.get(i + 1).title()
                : "that was the last lesson there is");
    }

    /** {@code hint}: a nudge first, then the exact commands. */
    public void hint() {
        Lesson l = requireCurrent("hint");
        Lesson.Step s = step(l);
        String key = l.number() + "." + progress.step();
        int level = hints.merge(key, 1, Integer::sum);
        if (level == 1) {
            console.text(s.hint());
            console.say("hint again shows the exact commands");
        } else {
            console.plain("  the commands for this step:");
            s.commands().forEach(c -> console.plain("    " + c.line()));
            if (s.commands().isEmpty()) {
                console.plain("    (none: this step only looks; check verifies what is already there)");
            }
        }
    }

    /** {@code reset}: a fresh container and the current lesson from its first step. */
    public void reset() {
        Lesson l = current();
        if (l == null) {
            lab.resetAll();
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
        } catch (java.io.IOException e) {
            throw new UserError("could not remove " + store.file() + ": " + e.getMessage());
        }
        progress.moveTo(-1, 0);
        for (Lesson l : lessons()) {
            progress.forget(l.number());
        }
        hints.clear();
        lab.resetAll();
        prepared = -1;
        console.say("all progress forgotten; lesson next starts from the first lesson");
    }

    /** After {@code lesson run}, which resets the container itself, the open lesson must be prepared again. */
    public void containerReplaced() {
        prepared = -1;
    }

    private void ensurePrepared(Lesson l) {
        if (prepared != l.number()) {
            prepare(l, replayed(l), false);
        }
    }

    private void save() {
        store.save(progress, console::error);
    }

    public Lesson find(String target) {
        for (Lesson l : lessons()) {
            if (Integer.toString(l.number()).equals(target) || l.id().equalsIgnoreCase(target)) {
                return l;
            }
        }
        throw new UserError("there is no lesson " + target + "; lesson list shows the " + lessons().size() + " there are");
    }

    private static String posts(Lesson l) {
        return l.posts().isEmpty() ? "" : " (posts " + String.join(", ", l.posts()) + ")";
    }
}
