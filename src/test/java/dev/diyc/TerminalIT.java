package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import dev.diyc.testing.Tmux;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL in a real terminal (tmux), as a learner uses it, and with no terminal at all. */
class TerminalIT {
    @TempDir
    Path state;

    private HostState before;

    @BeforeEach
    void root() {
        Root.require();
        before = HostState.now();
    }

    private Tmux diyc(int cols, Map<String, String> env) {
        List<String> cmd = Diyc.command("--no-color").command(); // java ... -jar diyc.jar, without --script
        cmd.remove("--no-color");
        return Tmux.start(cols, 50, env, cmd);
    }

    @Test
    void aLearnersSessionInARealTerminal() throws IOException {
        Lesson uts = LessonLoader.load(Path.of(System.getProperty("diyc.home", ".")).resolve("lessons/02-uts.yaml"));
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color");
        try (Tmux t = diyc(120, env)) {
            t.await("Welcome to diyc", 20_000);
            t.await("^ctr>", 5_000);

            t.line("lesson goto 2");
            t.await("step 1/" + uts.steps().size(), 10_000);
            for (Lesson.Command c : uts.steps().get(0).commands()) {
                t.line(c.line());
            }
            t.line("check");
            t.await("step 1 passed", 10_000);
            t.line("next");
            t.await("step 2/" + uts.steps().size(), 5_000);

            t.line("hint");
            t.await("hint again shows the exact commands", 5_000);
            t.line("hint");
            t.await("the commands for this step:\\s+" + Pattern.quote(uts.steps().get(1).commands().get(0).line()), 5_000);

            // Typed by hand, with Tab completing the command's name.
            t.type("ctr unsh");
            t.key("Tab");
            t.await("ctr unshare\\s*$", 5_000);
            t.line("--uts");
            t.await("unshare\\(CLONE_NEWUTS\\) = 0", 5_000);
            for (Lesson.Command c : uts.steps().get(1).commands().subList(1, uts.steps().get(1).commands().size())) {
                t.line(c.line());
            }
            t.line("check");
            t.await("step 2 passed", 10_000);

            // Ctrl-C stops what runs, in well under a second, and the prompt comes back.
            t.line("ctr sleep 100");
            t.await("ctr\\[\\d+\\]> ctr sleep 100\\s*$", 5_000);
            long sent = System.nanoTime();
            t.key("C-c");
            t.line("echo after-interrupt");
            t.await("^after-interrupt", 5_000);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertTrue(millis < 1000, "the prompt came back after " + millis + " ms");

            // A real shell inside the container, and back.
            t.line("ctr hostname from-the-shell-test");
            t.line("shell");
            t.await("\\(ctr\\) from-the-shell-test:", 10_000);
            t.line("hostname; echo inside-$((6*7))");
            t.await("^inside-42", 5_000);
            t.line("exit");
            t.await("back in diyc", 5_000);
            t.line("ctr hostname");
            t.await("^from-the-shell-test\\s*$", 5_000);

            // A background job's late output goes above the prompt, not into what is being typed.
            t.line("ctr (sleep 1; echo late-output) &");
            t.type("ctr echo typ");
            t.await("^late-output\\s*$", 5_000);
            t.line("ed");
            t.await("^typed\\s*$", 5_000);

            t.line("quit");
            t.awaitExit(10_000);
        }
        String progress = Files.readString(state.resolve("diyc/progress"));
        assertTrue(progress.contains("current: 2.2"), progress);
        HostState.assertUnchanged(before, "after the first session");

        // Coming back: diyc says where the learner was and rebuilds the container up to that step.
        try (Tmux t = diyc(120, env)) {
            t.await("welcome back. You were at lesson 2 .*step 2/", 20_000);
            t.line("check");
            t.await("step 2 passed", 10_000);
            // Ctrl-D only once the prompt is drawn: typed while no line is being read, the terminal
            // (then in cooked mode) swallows it as an end-of-file nobody reads.
            t.await("ctr\\[\\d+\\]>\\s*$", 5_000);
            t.key("C-d");
            t.awaitExit(10_000);
        }
        HostState.assertUnchanged(before, "after the second session");
    }

    /**
     * A workshop learner at 80 columns who has read the posts: types step 2 ahead with the posts'
     * sudo, mistypes a command, is led on, quits in the middle of step 3 and comes back to a rebuilt
     * container shown line by line, a prompt that shows it, and the step's text.
     */
    @Test
    void aLearnerWhoTypesAheadMistypesUsesSudoAndComesBack() {
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color");
        try (Tmux t = diyc(80, env)) {
            t.await("^ctr>", 20_000);
            t.line("lesson goto uts");
            t.await("step 1/5", 10_000);
            t.line("sudo unshare --uts");
            t.await("diyc already runs as root, so sudo is not needed here", 5_000);
            t.await("unshare\\(CLONE_NEWUTS\\) = 0", 5_000);
            t.line("ctr hostnme diyc-child");
            String typo = t.await("^sh: 1: hostnme: not found", 5_000);
            assertFalse(typo.contains("eval"), typo);
            t.line("check");
            t.await("you are ahead: this is already step 2's state", 10_000);
            t.line("next");
            t.await("step 3/5", 5_000);
            t.line("check");
            t.await("hint says what is wrong", 10_000);
            t.line("hint");
            t.await("the container is called diyc-child: seen", 5_000);
            t.line("quit");
            t.awaitExit(10_000);
        }
        HostState.assertUnchanged(before, "after quitting mid-lesson");

        try (Tmux t = diyc(80, env)) {
            t.await("welcome back. You were at lesson 2", 20_000);
            t.await("↻ ctr unshare --uts", 20_000);
            t.await("── Lesson 2 · step 3/5 · Rename the container", 10_000);
            t.await("ctr\\[\\d+\\]>\\s*$", 10_000); // the rebuilt container, before anything is typed
            t.line("ctr hostname diyc-child");
            t.line("check");
            t.await("step 3 passed", 10_000);
            t.await("ctr\\[\\d+\\]>\\s*$", 5_000);
            t.key("C-d");
            t.awaitExit(10_000);
        }
        HostState.assertUnchanged(before, "after coming back");
    }

    /**
     * run with limits, as docker run -it: the shell on the terminal is moved into the cgroup before
     * it runs anything, so its prompt comes after the moves, and the limit holds in it.
     */
    @Test
    void runOpensAShellInsideTheLimitedContainer() {
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm-256color");
        try (Tmux t = diyc(120, env)) {
            t.await("^ctr>", 20_000);
            t.line("run --pids 8 --hostname limited");
            String screen = t.await("\\(ctr\\) limited:/#\\s*$", 10_000);
            int moved = screen.lastIndexOf("/cgroup.procs\"");
            int prompt = screen.lastIndexOf("(ctr) limited:/#");
            assertTrue(moved >= 0 && moved < prompt, "the moves are printed before the shell's prompt:\n" + screen);
            t.line("cat /proc/self/cgroup; echo cgroup-read");
            String inside = t.await("^cgroup-read", 5_000);
            assertTrue(Pattern.compile("(?m)^\\d+:pids:/$|^0::/$").matcher(inside).find(), inside);
            // The shell gives up the line at the refused fork, so nothing after it runs.
            t.line("for i in 1 2 3 4 5 6 7 8 9 10; do sleep 1 & done");
            t.await("Cannot fork|can't fork", 10_000);
            t.line("exit");
            t.await("back in diyc", 5_000);
            t.line("quit");
            t.awaitExit(10_000);
        }
        HostState.assertUnchanged(before, "after run in a terminal");
    }

    @Test
    void aNarrowDumbTerminalGetsPlainTextAndStillWorks() {
        try (Tmux t = diyc(40, Map.of("XDG_STATE_HOME", state.toString(), "TERM", "dumb"))) {
            t.await("Welcome to diyc", 20_000);
            t.line("ctr unshare --uts");
            String s = t.await("unshare\\(CLONE_NEWUTS\\) = 0", 10_000);
            t.line("compare hostname");
            s = t.await("│", 5_000);
            assertTrue(s.lines().allMatch(l -> l.length() <= 40), "nothing wider than the terminal:\n" + s);
            t.line("quit");
            t.awaitExit(10_000);
        }
        HostState.assertUnchanged(before, "after the dumb terminal");
    }

    @Test
    void pipedInputWithoutATerminalGetsNoEscapeCodes() throws Exception {
        ProcessBuilder pb = Diyc.command();
        pb.environment().put("XDG_STATE_HOME", state.toString());
        pb.environment().put("TERM", "xterm-256color"); // a TERM that would allow colour, but no terminal
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write("ctr unshare --uts\nctr hostname piped\ncompare hostname\nlesson list\nquit\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertFalse(out.contains("\033"), "no escape codes:\n" + out);
        assertTrue(out.contains("sethostname(\"piped\", 5) = 0"), out);
        assertTrue(out.lines().allMatch(l -> l.length() <= 80), "80 columns without a terminal:\n" + out);
        HostState.assertUnchanged(before, out);
    }
}
