package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonLoaderTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            lesson: 2
            id: uts
            title: A hostname of its own
            posts: ["003", "004"]
            intro: Text.
            steps:
              - title: Peel off UTS
                text: Do it.
                commands:
                  - ctr unshare --uts
                  - cmd: ctr pivot_root rootfs rootfs/old
                    fails: true
                show: [compare ns]
                checks:
                  - say: own uts
                    probe: ns:uts
                    differs_from_host: true
                hint: Look at unshare --help.
            """;

    @Test
    void loadsTheShippedLessonsInOrder() throws IOException {
        LessonLoader.Loaded loaded = LessonLoader.loadAll(Path.of("lessons"));
        assertEquals(List.of(), loaded.problems());
        List<Lesson> lessons = loaded.lessons();
        assertTrue(lessons.size() >= 4, "lessons 2-5 at least");
        for (int i = 1; i < lessons.size(); i++) {
            assertTrue(lessons.get(i - 1).number() < lessons.get(i).number());
        }
        for (Lesson l : lessons) {
            for (Lesson.Step s : l.steps()) {
                assertTrue(!s.checks().isEmpty(), l.file() + ": step '" + s.title() + "' has no check");
            }
        }
    }

    @Test
    void readsCommandsThatFailOnPurpose() throws IOException {
        Path f = write("02-uts.yaml", GOOD);
        Lesson l = LessonLoader.load(f);
        assertEquals(2, l.number());
        assertEquals(List.of(new Lesson.Command("ctr unshare --uts", false), new Lesson.Command("ctr pivot_root rootfs rootfs/old", true)),
                l.steps().get(0).commands());
        assertEquals(new ProbeSpec(ProbeKind.NS, "uts"), l.steps().get(0).checks().get(0).probe());
        assertEquals("ctr", l.steps().get(0).checks().get(0).in());
    }

    @Test
    void namesTheFileStepAndFieldAtFault() throws IOException {
        assertMessage(GOOD.replace("    hint: Look at unshare --help.\n", ""), "x.yaml: step 1: 'hint' is missing");
        assertMessage(GOOD.replace("probe: ns:uts", "probe: nope"), "x.yaml: step 1: check 1: unknown probe 'nope'");
        assertMessage(GOOD.replace("differs_from_host: true", "differs: true"), "x.yaml: step 1: check 1: unknown key 'differs'");
        assertMessage(GOOD.replace("lesson: 2", "lesson: two"), "x.yaml: 'lesson' must be the lesson's number");
        assertMessage("lesson: [", "x.yaml: not valid YAML");
    }

    @Test
    void refusesAnExpectationOrProbeThatWouldOnlyFailInFrontOfALearner() throws IOException {
        String matches = "differs_from_host: true";
        assertMessage(GOOD.replace(matches, "matches: '(unclosed'"), "x.yaml: step 1: check 1: 'matches' is not a valid pattern");
        assertMessage(GOOD.replace(matches, "lines: one"), "x.yaml: step 1: check 1: 'lines' must be a number of lines");
        assertMessage(GOOD.replace(matches, "differs_from_host: false"), "x.yaml: step 1: check 1: 'differs_from_host' takes only true");
        assertMessage(GOOD.replace(matches, "equals: x\n        means: an x"), "x.yaml: step 1: check 1: 'means' says what a 'matches' pattern");
        assertMessage(GOOD.replace("probe: ns:uts", "probe: ns"), "x.yaml: step 1: check 1: probe 'ns': ns takes a namespace type");
        assertMessage(GOOD.replace(matches, "lines: 1\n        bogus: 2"), "x.yaml: step 1: check 1: unknown key 'bogus'");
    }

    @Test
    void aMatchesCheckSaysWhatItMeansOrElseWhatItSays() throws IOException {
        Lesson with = LessonLoader.load(write("02-uts.yaml", GOOD.replace("differs_from_host: true",
                "matches: '^uts:\\[\\d+\\]$'\n        means: uts and an inode number")));
        Lesson.Check c = with.steps().get(0).checks().get(0);
        assertEquals(1, c.expect().size());
        assertEquals("uts and an inode number", c.expect().get(0).sentence(Observed.of("")));
        Lesson without = LessonLoader.load(write("02-uts.yaml", GOOD.replace("differs_from_host: true", "matches: 'uts'")));
        assertEquals("own uts", without.steps().get(0).checks().get(0).expect().get(0).sentence(Observed.of("")));
    }

    @Test
    void keepsTheExpectationsInTheOrderTheFileWritesThem() throws IOException {
        Lesson l = LessonLoader.load(write("02-uts.yaml", GOOD.replace("differs_from_host: true",
                "not_contains: x\n        lines: 1\n        contains: u")));
        assertEquals(List.of(new Expectation.NotContains("x"), new Expectation.LineCount(1), new Expectation.Contains("u")),
                l.steps().get(0).checks().get(0).expect());
    }

    @Test
    void aProbeKindSaysWhetherItsCheckSettlesAndOnlyACommandThatReadsIsDeclaredSo() throws IOException {
        assertTrue(LessonLoader.load(write("02-uts.yaml", GOOD)).steps().get(0).checks().get(0).settles(), "ns:uts settles by itself");
        Lesson hostname = LessonLoader.load(write("02-uts.yaml", GOOD.replace("probe: ns:uts", "probe: hostname")));
        assertFalse(hostname.steps().get(0).checks().get(0).settles(), "diyc sets the hostname before its call returns");
        Lesson command = LessonLoader.load(write("02-uts.yaml", GOOD.replace("probe: ns:uts", "probe: \"status:pgrep x\"")));
        assertFalse(command.steps().get(0).checks().get(0).settles(), "a command may have a side effect: it never runs twice unasked");
        Lesson declared = LessonLoader.load(write("02-uts.yaml",
                GOOD.replace("probe: ns:uts", "probe: \"status:pgrep x\"\n        settles: true")));
        assertTrue(declared.steps().get(0).checks().get(0).settles());
        assertMessage(GOOD.replace("probe: ns:uts", "probe: ns:uts\n        settles: true"),
                "x.yaml: step 1: check 1: 'settles' is for a run: or status: command that only reads; ns knows by itself");
        assertMessage(GOOD.replace("probe: ns:uts", "probe: run:cat f\n        settles: false"),
                "x.yaml: step 1: check 1: 'settles' is true or absent, not false");
    }

    @Test
    void aBrokenFileIsReportedAndTheOthersStillLoad() throws IOException {
        write("02-uts.yaml", GOOD);
        write("03-bad.yaml", GOOD.replace("lesson: 2", "lesson: 3").replace("    hint: Look at unshare --help.\n", ""));
        write("04-dup.yaml", GOOD);
        LessonLoader.Loaded loaded = LessonLoader.loadAll(dir);
        assertEquals(1, loaded.lessons().size());
        assertEquals(2, loaded.problems().size(), loaded.problems().toString());
        assertTrue(loaded.problems().get(0).startsWith("03-bad.yaml: step 1: 'hint' is missing"));
        assertTrue(loaded.problems().get(1).contains("is also used by 02-uts.yaml"));
    }

    private void assertMessage(String yaml, String start) throws IOException {
        Path f = write("x.yaml", yaml);
        LessonFormatException e = assertThrows(LessonFormatException.class, () -> LessonLoader.load(f));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
