package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.Home;
import dev.diyc.progress.Progress;
import dev.diyc.term.Console;
import dev.diyc.term.Paragraphs;
import dev.diyc.term.Wrap;
import dev.diyc.testing.Layout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped lesson's pages, the welcome and the lesson list at 60, 80 and 120 columns: nothing a
 * terminal would cut, no word split, and prose wrapped once (the file's own line breaks undone).
 */
class LessonLayoutTest {
    private static List<Lesson> lessons;

    @BeforeAll
    static void load() throws IOException {
        lessons = LessonLoader.loadAll(Home.dir().resolve("lessons")).lessons();
    }

    private static String printed(int columns, Consumer<LessonPrinter> what) {
        StringWriter out = new StringWriter();
        what.accept(new LessonPrinter(new Console(new PrintWriter(out, true), false, () -> columns)));
        return out.toString();
    }

    private static void everyPage(LessonPrinter p) {
        for (Lesson l : lessons) {
            p.opening(l);
            for (int i = 0; i < l.steps().size(); i++) {
                p.step(l, i + 1, l.steps().get(i));
                p.hint(l.steps().get(i), Attempts.Hint.NUDGE, Optional.empty());
            }
            p.finished(l, Optional.empty());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void lessonTextIsWrappedOnceAndNoWordIsCut(int columns) {
        String text = printed(columns, LessonLayoutTest::everyPage);
        Layout.assertFits(text, printed(100_000, LessonLayoutTest::everyPage), columns, "the lessons");
        // Wrapped once: each paragraph of the files comes out as the lines a single wrap of it at this width makes.
        for (Lesson l : lessons) {
            for (Lesson.Step st : l.steps()) {
                for (String para : Paragraphs.of(st.text().strip())) {
                    String once = String.join("\n", Wrap.lines(para, columns - 1));
                    assertTrue(text.contains("\n" + once + "\n"), "lesson " + l.number() + " at " + columns
                            + " columns, a paragraph not wrapped once as a whole:\n" + once);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void theWelcomeTableAndTheLessonListHold(int columns) {
        String welcome = printed(columns, p -> p.greet(new Course(lessons, Progress.fresh())));
        Layout.assertFits(welcome, printed(100_000, p -> p.greet(new Course(lessons, Progress.fresh()))), columns, "the welcome");
        assertTrue(welcome.contains("  lesson next  start the first lesson"), welcome);
        assertTrue(welcome.lines().anyMatch(l -> l.matches(".*reset step +this step again from its start.*")), welcome);
        String list = printed(columns, p -> p.table(new Course(lessons, Progress.fresh())));
        for (String line : list.lines().toList()) {
            assertTrue(line.length() < columns, "lesson list at " + columns + " columns:\n" + list);
        }
        for (Lesson l : lessons) {
            assertTrue(list.contains(" " + l.id() + " "), "lesson list names " + l.id() + " whole:\n" + list);
        }
    }
}
