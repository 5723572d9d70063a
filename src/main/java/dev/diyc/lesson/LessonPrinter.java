package dev.diyc.lesson;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import dev.diyc.term.Console;
import java.util.Arrays;
import java.util.Optional;

/**
 * How lessons read on the console, for the tutor and {@code lesson run} alike: headings with their
 * posts, intros, step pages, the lesson table and outline, hints and the welcome. It decides nothing:
 * what to show comes from the caller and from {@link Course}.
 */
final class LessonPrinter {
    private final Console console;

    LessonPrinter(Console console) {
        this.console = console;
    }

    /** The first start's welcome, or where the learner left off (printed before the lab is ready). */
    void greet(Course course) {
        if (course.fresh()) {
            welcome();
            return;
        }
        Lesson l = course.current().orElse(null);
        if (l == null) {
            console.say("welcome back. lesson next starts the first unfinished lesson; lesson list shows them all");
        } else if (course.finished(l)) {
            console.say("welcome back. You finished lesson " + l.number() + " (" + l.title() + "); lesson next goes on");
        } else {
            int step = course.stepIn(l);
            console.say("welcome back. You were at lesson " + l.number() + " (" + l.title() + "), step " + step + "/"
                    + l.steps().size() + ": " + l.steps().get(step - 1).title()
                    + (step > 1 || course.passed(l, step) ? ". diyc replays what you did to rebuild your container, a line per command" : "")
                    + ". The step's text follows; where shows it again, step lets diyc do it for you");
        }
    }

    private void welcome() {
        console.heading("Welcome to diyc");
        console.text("""
                diyc builds a container by hand, one real syscall at a time, the way the blog posts do with unshare, mount and pivot_root. \
                Every syscall diyc makes is printed as strace would print it, and you can compare the host's view with the container's at any time.

                There are two contexts, like the posts' two terminals: `host CMD` runs on the host, `ctr CMD` in the container; a bare command runs where the prompt says.
                """);
        String[][] pairs = {{"lesson next", "start the first lesson"}, {"step", "diyc does the step for you"},
                {"check", "check what you did"}, {"hint", "what is wrong, then the commands"},
                {"where", "the step's text again"}, {"reset step", "this step again from its start"},
                {"compare ns", "the host and the container"}, {"help", "everything else"}};
        // Two pairs a line where they fit (an 80-column terminal), else one a line: the table never breaks.
        boolean twoAcross = console.width() > 2 + 12 + 31 + 12 + 32;
        for (int i = 0; i < pairs.length; i += twoAcross ? 2 : 1) {
            String left = String.format("  %-12s %s", pairs[i][0], pairs[i][1]);
            console.plain(twoAcross ? String.format("%-45s %-11s %s", left, pairs[i + 1][0], pairs[i + 1][1]) : left);
        }
    }

    // ---- a lesson, from its heading to its end

    /** A lesson begins: its heading with the posts it follows, then its intro. */
    void opening(Lesson l) {
        console.heading("━━ Lesson " + l.number() + " · " + l.title() + posts(l));
        console.text(l.intro());
    }

    /** The tutor's page for a step: its text, the commands to type and the views to look at. */
    void step(Lesson l, int number, Lesson.Step s) {
        console.plain("");
        console.heading("── Lesson " + l.number() + " · step " + number + "/" + l.steps().size() + " · " + s.title());
        console.text(s.text());
        if (!s.commands().isEmpty()) {
            console.text("  type these (or step, and diyc runs them for you), then check:");
            s.commands().forEach(c -> console.command(c.line(), c.fails() ? "# fails, on purpose" : null));
        } else {
            console.text("  nothing to type here: look around (the views are below), then check");
        }
        for (String view : s.show()) {
            console.text("  to see it: " + view);
        }
    }

    /** A step as {@code lesson run} plays it: its heading and text, the commands follow as typed. */
    void stepAsRun(int number, int of, Lesson.Step s) {
        console.plain("");
        console.heading("── Step " + number + "/" + of + " · " + s.title());
        console.text(s.text());
    }

    /** A line as if typed at the prompt, as in a transcript. */
    void typed(String prompt, String line) {
        console.typed(prompt, line, true);
    }

    /** One line per command replayed to rebuild the container, so the learner sees what they have. */
    void replayedLine(String line, boolean asTheLessonSays) {
        console.plain("  ↻ " + line + (asTheLessonSays ? "" : "      (it did not go as the lesson says: check will tell)"));
    }

    /** Said after a rebuild, so the learner knows the container is not fresh. */
    void rebuilt(int steps) {
        console.say("the container is rebuilt: diyc replayed the commands of step" + (steps == 1 ? " 1" : "s 1-" + steps));
    }

    /** {@code reset step}: the step starts again where the one before it ended. */
    void restarted(int step) {
        console.say("step " + step + " starts again from " + (step == 1 ? "a fresh container" : "where step " + (step - 1) + " ended"));
    }

    /** The learner's state is a later step's: one line, and where they are now. */
    void ahead(Lesson l, int step) {
        console.ok("you are ahead: this is already step " + step + "'s state (" + l.steps().get(step - 1).title() + ")");
        console.say("diyc moved you to step " + step + "/" + l.steps().size() + " and counts it passed: "
                + (step < l.steps().size() ? "next goes on from there" : "next finishes the lesson"));
    }

    /**
     * After a failed check: the way on. The first failure points to hint and step; the same failure
     * again says so and names every way out, reset step included, so nothing loops.
     */
    void notYet(String command, int sameInARow) {
        String stays = command.equals("next") ? "next moves on once this step passes. " : "not yet. ";
        if (sameInARow == 1) {
            console.say(stays + "hint says what is wrong; step does the step for you");
        } else {
            console.say(stays + "The same as the last check: nothing since has changed what it reads. Ways on: hint (what is wrong,"
                    + " then the commands), step (diyc types them for you), reset step (this step again from its start)");
        }
    }

    /** {@code next} after the last step: the lesson's outro and what comes after it. */
    void finished(Lesson l, Optional<Lesson> following) {
        console.plain("");
        console.ok("lesson " + l.number() + " done: " + l.title());
        if (!l.outro().isBlank()) {
            console.text(l.outro());
        }
        console.say(following.map(f -> "lesson next starts lesson " + f.number() + ": " + f.title())
                .orElse("that was the last lesson there is"));
    }

    /** {@code lesson run}'s end: the outro, if the lesson has one. */
    void outro(Lesson l) {
        if (!l.outro().isBlank()) {
            console.plain("");
            console.text(l.outro());
        }
    }

    /** {@code hint}: what {@link Attempts} says comes next. */
    void hint(Lesson.Step s, Attempts.Hint which, Optional<CheckResult> failed) {
        switch (which) {
            case ABOUT_FAILURE -> {
                CheckResult r = failed.orElseThrow();
                console.fail(r.say() + ": seen " + oneLine(r.seen()));
                console.text(r.fix().isEmpty() ? s.hint() : r.fix());
                console.say("hint again shows the exact commands");
            }
            case NUDGE -> {
                console.text(s.hint());
                console.say("hint again shows the exact commands");
            }
            case COMMANDS, ALL_GIVEN -> {
                console.plain("  the commands for this step:");
                s.commands().forEach(c -> console.command(c.line(), null));
                if (s.commands().isEmpty()) {
                    console.plain("    (none: this step only looks; check verifies what is already there)");
                }
                if (which == Attempts.Hint.ALL_GIVEN) {
                    console.say("that is every hint there is: step types these for you, reset step starts this step again");
                }
            }
        }
    }

    private static String oneLine(String seen) {
        String flat = seen.isBlank() ? "nothing" : String.join(" · ", seen.strip().lines().toList());
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }

    // ---- the lessons at a glance

    /** {@code lesson list}: every lesson, marked done, current or not started. */
    void table(Course course) {
        Lesson open = course.current().orElse(null);
        console.out(AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, course.lessons(), Arrays.asList(
                new Column().header("").with(l -> course.done(l) ? "✓" : l == open ? "▶" : "·"),
                new Column().header("#").dataAlign(HorizontalAlign.RIGHT).with(l -> Integer.toString(l.number())),
                new Column().header("id").dataAlign(HorizontalAlign.LEFT).with(Lesson::id),
                // The title takes what the other columns leave of the terminal's width; posts wrap.
                new Column().header("title").dataAlign(HorizontalAlign.LEFT).maxWidth(Math.max(20, console.width() - 47)).with(Lesson::title),
                new Column().header("posts").dataAlign(HorizontalAlign.LEFT).maxWidth(11).with(l -> l.posts().isEmpty() ? BEYOND : String.join(" ", l.posts())))) + "\n");
        console.say("✓ done   ▶ current   · not started.  lesson goto N opens one, lesson next the first unfinished");
    }

    /** {@code lesson show}: a lesson's heading, intro and steps, marked passed or current. */
    void outline(Lesson l, Course course) {
        console.heading("Lesson " + l.number() + " · " + l.title() + posts(l));
        console.text(l.intro());
        for (int i = 0; i < l.steps().size(); i++) {
            Lesson.Step s = l.steps().get(i);
            String mark = course.passed(l, i + 1) ? "✓" : course.isCurrentStep(l, i + 1) ? "▶" : "·";
            console.plain("  " + mark + " " + (i + 1) + ". " + s.title());
        }
    }

    /** What lesson list shows for a lesson that follows no post (13 on): the curriculum's own. */
    static final String BEYOND = "beyond";

    private static String posts(Lesson l) {
        return l.posts().isEmpty() ? " (beyond the posts)" : (l.posts().size() == 1 ? " (post " : " (posts ") + String.join(", ", l.posts()) + ")";
    }
}
