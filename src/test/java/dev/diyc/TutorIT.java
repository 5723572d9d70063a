package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import dev.diyc.testing.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's commands in scripted mode: steps typed by hand, check, hint, next, progress kept across runs. */
class TutorIT {
    @TempDir
    Path state;

    private HostState before;
    private Lesson uts;

    @BeforeEach
    void setUp() throws IOException {
        Root.require();
        before = HostState.now();
        uts = LessonLoader.load(Path.of(System.getProperty("diyc.home", ".")).resolve("lessons/02-uts.yaml"));
    }

    private Diyc.Run run(String script) {
        Diyc.Run r = Diyc.scriptWithState(state, script);
        assertFalse(r.output().contains("\tat "), r.output());
        HostState.assertUnchanged(before, r.output());
        return r;
    }

    /** The commands of steps 1..n of lesson 2, as a learner would type them by hand. */
    private String typed(int n) {
        return uts.steps().subList(0, n).stream()
                .map(s -> s.commands().stream().map(c -> c.line() + "\n").collect(Collectors.joining()) + "check\nnext\n")
                .collect(Collectors.joining());
    }

    @Test
    void stepsTypedByHandPassTheirChecksAndProgressIsSavedAfterEach() throws IOException {
        Diyc.Run r = run("lesson goto 2\n" + typed(3));
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.output().contains("✗"), r.output());
        String progress = Files.readString(state.resolve("diyc/progress"));
        assertTrue(progress.contains("current: 2.4"), progress);
        assertTrue(progress.contains("passed: 2.1 2.2 2.3"), progress);
    }

    @Test
    void aLaterStartResumesAtTheSavedStepWithTheContainerRebuilt() throws IOException {
        run("lesson goto 2\n" + typed(3));
        // A week later: step 4 checks what steps 2 and 3 made (the renamed container) without retyping them.
        Diyc.Run later = run("check\n");
        assertEquals(0, later.exitCode(), later.output());
        assertFalse(later.output().contains("✗"), later.output());
        assertTrue(Files.readString(state.resolve("diyc/progress")).contains("2.4"));
    }

    @Test
    void hintIsANudgeThenTheCommands() {
        Diyc.Run r = run("lesson goto 2\nnext\nhint\nhint\n");
        Transcript t = new Transcript(r.output());
        assertTrue(t.output("hint", 0).contains(uts.steps().get(1).hint().lines().findFirst().orElseThrow().strip()));
        assertFalse(t.output("hint", 0).contains(uts.steps().get(1).commands().get(0).line()));
        assertTrue(t.output("hint", 1).contains(uts.steps().get(1).commands().get(0).line()), t.output("hint", 1));
    }

    @Test
    void stepRunsTheCommandsAndChecks() {
        Diyc.Run r = run("lesson goto 2\nstep\nnext\nstep\n");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("unshare(CLONE_NEWUTS) = 0"), r.output());
        assertTrue(r.output().contains("step 2 passed"), r.output());
    }

    @Test
    void aFailedCheckShowsExpectedAndSeenSideBySide() {
        // Step 3 wants the container renamed; without typing anything it fails.
        Diyc.Run r = run("lesson goto 2\nstep\nnext\nstep\nnext\ncheck\n");
        assertEquals(1, r.exitCode(), r.output());
        Transcript t = new Transcript(r.output());
        String check = t.output("check");
        assertTrue(check.contains("✗"), check);
        assertTrue(check.lines().anyMatch(l -> l.contains("expected") && l.contains("│") && l.contains("seen")), check);
    }

    @Test
    void listShowsDoneCurrentAndNotStarted() {
        run("lesson goto 2\n" + typed(uts.steps().size()));
        Diyc.Run r = run("lesson goto 3\nlesson list\n");
        String list = new Transcript(r.output()).output("lesson list");
        assertTrue(list.lines().anyMatch(l -> l.contains("✓") && l.contains(" 2 ")), list);
        assertTrue(list.lines().anyMatch(l -> l.contains("▶") && l.contains(" 3 ")), list);
        assertTrue(list.lines().anyMatch(l -> l.contains("·") && l.contains(" 4 ")), list);
    }

    @Test
    void resetAllForgetsEverythingOnlyWhenConfirmed() throws IOException {
        run("lesson goto 2\nstep\n");
        Diyc.Run unconfirmed = run("reset --all\n");
        assertTrue(Files.exists(state.resolve("diyc/progress")), unconfirmed.output());
        run("reset --all --yes\n");
        assertFalse(Files.exists(state.resolve("diyc/progress")));
    }

    @Test
    void badTutorInputGetsOneClearLine() {
        Diyc.Run r = run("check\nhint\nlesson goto 99\nlesson goto\nlesson frob\nstep now\nctr true\n");
        Transcript t = new Transcript(r.output());
        for (String[] c : new String[][] {{"check", "no lesson is open yet"}, {"hint", "no lesson is open yet"},
                {"lesson goto 99", "there is no lesson 99"}, {"lesson goto", "lesson goto which?"},
                {"lesson frob", "lesson frob?"}, {"step now", "step takes no arguments"}}) {
            String out = t.output(c[0]);
            assertEquals(1, out.lines().count(), c[0] + " → " + out);
            assertTrue(out.contains(c[1]), c[0] + " → " + out);
        }
    }
}
