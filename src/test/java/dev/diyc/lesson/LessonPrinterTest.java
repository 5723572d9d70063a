package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diyc.progress.Progress;
import dev.diyc.term.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tutor's and lesson run's words, pinned: transcripts (TutorIT, LessonsIT) compare them byte for byte. */
class LessonPrinterTest {
    private final StringWriter out = new StringWriter();
    private final LessonPrinter printer = new LessonPrinter(new Console(new PrintWriter(out, true), false, () -> 100));
    private final Lesson.Step look = new Lesson.Step("Look", "See for yourself.", List.of(), List.of("compare ns"), List.of(), "Look.");
    private final Lesson.Step unshare = new Lesson.Step("Unshare", "Make one.",
            List.of(new Lesson.Command("ctr unshare -u", false), new Lesson.Command("ctr hostname x", true)), List.of(), List.of(),
            "Use unshare.");
    private final Lesson uts = new Lesson(2, "uts", "A hostname", List.of("003", "004"), "Intro.", List.of(look, unshare),
            "Outro.", Path.of("uts.yaml"), Lesson.ROOT);

    @Test
    void aLessonOpensWithItsPostsAndIntro() {
        printer.opening(uts);
        assertEquals("━━ Lesson 2 · A hostname (posts 003, 004)\nIntro.\n", out.toString());
    }

    @Test
    void aLessonBeyondThePostsSaysSoInItsHeading() {
        Lesson caps = new Lesson(13, "capabilities", "Root that is not almighty", List.of(), "Intro.", List.of(look), "Outro.",
                Path.of("caps.yaml"), Lesson.ROOT);
        printer.opening(caps);
        assertEquals("━━ Lesson 13 · Root that is not almighty (beyond the posts)\nIntro.\n", out.toString());
    }

    @Test
    void theTutorsStepPageListsWhatToTypeAndWhatToLookAt() {
        printer.step(uts, 2, unshare);
        printer.step(uts, 1, look);
        assertEquals("""

                ── Lesson 2 · step 2/2 · Unshare
                Make one.
                  type these (or step, and diyc runs them for you), then check:
                    ctr unshare -u
                    ctr hostname x      # fails, on purpose

                ── Lesson 2 · step 1/2 · Look
                See for yourself.
                  nothing to type here: look around (the views are below), then check
                  to see it: compare ns
                """, out.toString());
    }

    @Test
    void lessonRunHeadsEachStepByItsNumberAlone() {
        printer.stepAsRun(1, 2, look);
        printer.typed("diyc> ", "compare ns");
        printer.outro(uts);
        assertEquals("\n── Step 1/2 · Look\nSee for yourself.\ndiyc> compare ns\n\nOutro.\n", out.toString());
    }

    @Test
    void theLastStepsNextSaysWhatComesAfter() {
        printer.finished(uts, Optional.empty());
        assertEquals("\n✓ lesson 2 done: A hostname\nOutro.\n  · that was the last lesson there is\n", out.toString());
    }

    @Test
    void aFirstStartIsWelcomedWithTheFewCommandsThatMatter() {
        printer.greet(new Course(List.of(uts), Progress.fresh()));
        List<String> lines = out.toString().lines().toList();
        assertEquals("Welcome to diyc", lines.get(0));
        assertEquals(List.of("  lesson next  start the first lesson         step        diyc does the step for you",
                "  check        check what you did             hint        what is wrong, then the commands",
                "  where        the step's text again          reset step  this step again from its start",
                "  compare ns   the host and the container     help        everything else"), lines.subList(lines.size() - 4, lines.size()));
    }
}
