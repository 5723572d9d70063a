package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import dev.diyc.testing.Tmux;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presenter mode in a real terminal: the autopilot typing a step on random keys, Escape handing over, notes following. */
class PresenterIT {
    private static final long SEED = System.nanoTime();

    @TempDir
    Path state;

    private HostState before;
    private final Random random = new Random(SEED);

    @BeforeEach
    void root() {
        Root.require();
        before = HostState.now();
    }

    private Tmux start(String term, String... args) {
        // tmux sets TERM in the pane from its own default-terminal, whatever -e says: env sets it for diyc.
        List<String> cmd = new ArrayList<>(List.of("env", "TERM=" + term));
        cmd.addAll(Diyc.command(args).command());
        return Tmux.start(120, 50, Map.of("XDG_STATE_HOME", state.toString()), cmd);
    }

    /** As many random keys as the line has characters, and a few more that must add nothing. */
    private String keysFor(String line) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length() + 4; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    /** The autopilot types the line on random keys, exactly, and Enter runs it. */
    private void present(Tmux t, String line) {
        t.type(keysFor(line));
        t.await("> " + Pattern.quote(line) + "\\s*$", 5_000);
        t.key("Enter");
    }

    @Test
    void randomKeysTypeTheStepEscapeHandsTheKeyboardBackAndNotesFollow() throws IOException {
        Lesson uts = LessonLoader.load(Path.of(System.getProperty("diyc.home", ".")).resolve("lessons/02-uts.yaml"));
        List<String> lines = uts.steps().get(0).presented(false);
        String seed = "random keys from seed " + SEED + ": ";
        try (Tmux t = start("xterm-256color")) {
            t.await("^ctr>", 20_000);
            t.line("lesson goto 2");
            t.await("step 1/" + uts.steps().size(), 10_000);
            t.line("present");
            t.await("PRESENTING: autopilot", 5_000);

            try (Tmux notes = start("xterm-256color", "notes")) {
                notes.await("Step 1/" + uts.steps().size() + " · " + Pattern.quote(uts.steps().get(0).title()), 10_000);
                notes.await("▶ " + Pattern.quote(lines.get(0)), 2_000);
                String speakerNotes = uts.steps().get(0).notes().lines().findFirst().orElseThrow();
                assertTrue(notes.screen().contains(speakerNotes.substring(0, 30)), "the step's speaker notes:\n" + notes.screen());

                present(t, lines.get(0));
                notes.await("▶ " + Pattern.quote(lines.get(1)), 2_000);

                // Escape: the keyboard is the presenter's; what they type runs as typed.
                t.key("Escape");
                t.await("PRESENTING: typing freely", 5_000);
                t.line("echo typed-by-$((6*7))");
                t.await("^typed-by-42", 5_000);
                // Escape again: the autopilot goes on where it was.
                t.key("Escape");
                t.await("PRESENTING: autopilot", 5_000);
                for (String line : lines.subList(1, lines.indexOf("check"))) {
                    present(t, line);
                }
                present(t, "check");
                t.await("step 1 passed", 10_000);
                notes.await("✓ " + Pattern.quote(uts.steps().get(0).checks().get(0).say()), 2_000);

                present(t, "next");
                t.await("step 2/" + uts.steps().size(), 10_000);
                long shown = System.nanoTime();
                notes.await("Step 2/" + uts.steps().size(), 3_000);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - shown);
                assertTrue(millis < 1000, "notes followed the step change after " + millis + " ms");
                notes.await("▶ " + Pattern.quote(uts.steps().get(1).commands().get(0).line()), 2_000);
                // The autopilot is on the new step's first line.
                present(t, uts.steps().get(1).commands().get(0).line());
                t.await("unshare\\(CLONE_NEWUTS\\) = 0", 5_000);

                // The autopilot owns the keys: present off is typed after handing them over.
                t.key("Escape");
                t.await("PRESENTING: typing freely", 5_000);
                t.line("present off");
                t.await("presenter mode is off", 5_000);
                t.line("quit");
                notes.awaitExit(5_000); // it says the session ended, and its terminal closes with it
            } catch (AssertionError e) {
                throw new AssertionError(seed + e.getMessage(), e);
            }
            t.awaitExit(10_000);
        }
        HostState.assertUnchanged(before, "after presenting");
    }

    @Test
    void notesWithNoSessionSaysSoInOneLine() throws Exception {
        ProcessBuilder pb = Diyc.command("notes");
        pb.environment().put("XDG_STATE_HOME", state.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.startsWith("diyc: no diyc session is running"), out);
    }

    @Test
    void aDumbTerminalRefusesPresentInOneLine() {
        try (Tmux t = start("dumb")) {
            t.await("^ctr>", 20_000);
            t.line("present");
            String s = t.await("diyc: present types key by key", 10_000);
            assertTrue(s.contains("a dumb terminal only sends whole lines"), s);
            t.line("quit");
            t.awaitExit(10_000);
        }
        HostState.assertUnchanged(before, "after the dumb terminal");
    }
}
