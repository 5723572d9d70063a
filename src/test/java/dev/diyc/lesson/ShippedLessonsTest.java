package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped lessons, loaded by the real loader: what a learner reads when one of their checks fails. */
class ShippedLessonsTest {
    /** Regex syntax a learner should never be shown: groups and flags, escapes, anchors, classes, quantifiers. */
    private static final Pattern REGEX_SYNTAX = Pattern.compile(
            "\\(\\?|\\\\[dDsSwWbB.()\\[\\]]|^\\^|\\$$|\\[\\^?[a-z0-9]-|\\.[*+]|\\{\\d+,?\\d*}|\\|\\^|\\$\\|");

    /** Values that stand in for what the probes read, so every sentence renders as it would on a failure. */
    private static final Observed SAMPLE = new Observed("what the container has", "what the host has", "what it had");

    @Test
    void noFailureSentenceShowsAPatternOrAnInternalName() throws IOException {
        List<String> wrong = new ArrayList<>();
        int matches = 0;
        for (Lesson l : lessons()) {
            for (Lesson.Step s : l.steps()) {
                for (Lesson.Check c : s.checks()) {
                    for (Expectation e : c.expect()) {
                        String sentence = e.sentence(SAMPLE);
                        String where = l.file().getFileName() + ": '" + c.say() + "': ";
                        if (sentence.isBlank()) {
                            wrong.add(where + "no sentence");
                        }
                        if (REGEX_SYNTAX.matcher(sentence).find()) {
                            wrong.add(where + "regex syntax in: " + sentence);
                        }
                        if (sentence.matches("(?s).*\\b(unchanged|differs_from_host|same_as_host|not_contains|matches)\\b.*")) {
                            wrong.add(where + "a key's name in: " + sentence);
                        }
                        if (e instanceof Expectation.Matches m) {
                            matches++;
                            if (sentence.contains(m.pattern().pattern())) {
                                wrong.add(where + "its pattern in: " + sentence);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(matches > 0, "the shipped lessons have matches checks to judge");
        assertEquals(List.of(), wrong);
    }

    @Test
    void theRegexSyntaxCheckRecognisesTheShippedPatterns() throws IOException {
        for (Lesson l : lessons()) {
            for (Lesson.Step s : l.steps()) {
                for (Lesson.Check c : s.checks()) {
                    for (Expectation e : c.expect()) {
                        if (e instanceof Expectation.Matches m) {
                            String p = m.pattern().pattern();
                            assertTrue(REGEX_SYNTAX.matcher(p).find() || p.matches("[\\w .-]+"),
                                    "the test would miss this pattern as a sentence: " + p);
                        }
                    }
                }
            }
        }
        assertFalse(REGEX_SYNTAX.matcher("a link named diyc-br8").find());
    }

    /**
     * A second session renames a lesson's addresses as plain text, {@code 10.200.} to {@code 10.20N.}
     * ({@link SessionSlot#rename}); a pattern that escapes the dots, {@code 10\\.200\\.}, would keep
     * looking for the first session's network.
     */
    @Test
    void everyAddressAPatternLooksForIsRenamedForASecondSession() throws IOException {
        LessonLoader.Loaded loaded = LessonLoader.loadAll(Path.of("lessons"), text -> text.replace("10.200.", "10.203."));
        assertEquals(List.of(), loaded.problems());
        for (Lesson l : loaded.lessons()) {
            for (Lesson.Step s : l.steps()) {
                for (Lesson.Check c : s.checks()) {
                    for (Expectation e : c.expect()) {
                        if (e instanceof Expectation.Matches m) {
                            assertFalse(m.pattern().pattern().matches("(?s).*10\\W{1,3}200\\W.*"),
                                    l.file().getFileName() + ": '" + c.say() + "' still looks for 10.200: " + m.pattern());
                        }
                    }
                }
            }
        }
    }

    private static List<Lesson> lessons() throws IOException {
        LessonLoader.Loaded loaded = LessonLoader.loadAll(Path.of("lessons"));
        assertEquals(List.of(), loaded.problems());
        return loaded.lessons();
    }
}
