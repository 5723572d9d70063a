package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.Home;
import dev.diyc.Main;
import dev.diyc.commands.NativeCommands;
import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import dev.diyc.progress.ProgressStore;
import dev.diyc.progress.StateDir;
import dev.diyc.rootfs.Rootfs;
import dev.diyc.term.Console;
import dev.diyc.testing.HostState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real session driven in-process, line by line, through the engine: the lab, its shells and
 * namespaces are real (root needed), only the console is a capture. Each test opens its own session
 * and checks the host is as it was once the session is closed.
 */
class InProcessSessionTest {
    private static Path image;
    private static List<Lesson> lessons;

    @TempDir
    Path state;

    private final StringWriter text = new StringWriter();
    private HostState before;
    private Engine engine;

    @BeforeAll
    static void image() throws IOException {
        image = Rootfs.ensureDefault(Home.dir(), line -> {});
        lessons = LessonLoader.loadAll(Home.dir().resolve("lessons")).lessons();
    }

    @BeforeEach
    void open() throws IOException {
        before = HostState.now();
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString());
        ProgressStore store = new ProgressStore(StateDir.of(env));
        Console console = new Console(new PrintWriter(text, true), false, () -> 100);
        Io io = new Io(new ByteArrayInputStream(new byte[0]), System.out, System.err, env, false);
        engine = Session.open(Home.dir(), image, CompletableFuture.completedFuture(lessons), console, store,
                store.load(console::error), Frontend.script(), io);
    }

    @AfterEach
    void close() {
        engine.lab().close();
        HostState.assertUnchanged(before, "after an in-process session");
    }

    /** Runs a line and returns what it printed. */
    private String run(String line, Outcome expected) {
        text.getBuffer().setLength(0);
        assertEquals(expected, engine.execute(line), line + " printed:\n" + text);
        return text.toString();
    }

    @Test
    void helpGroupsEveryListedCommandWithItsOwnSummary() {
        String out = run("help", Outcome.OK);
        for (Group g : Group.values()) {
            if (g.heading() != null) {
                assertTrue(out.contains(g.heading() + "\n"), g + ":\n" + out);
            }
        }
        assertTrue(out.contains("\n  unshare        Give the container new namespaces with unshare(2)"), out);
        assertTrue(out.contains("\n  lesson         The lessons: list them"), out);
        for (String name : NativeCommands.names()) {
            assertNotNull(engine.registry().find(name, Scope.CONTEXT), name + " is registered");
        }
    }

    @Test
    void helpOfANativeCommandIsItsOwnHelp() {
        String help = run("help unshare", Outcome.OK);
        assertTrue(help.startsWith("Usage: unshare "), help);
        assertEquals(run("unshare --help", Outcome.OK), help);
    }

    @Test
    void unknownCommandsAreTheShellsAndHelpSaysSo() {
        assertTrue(run("help nosuch", Outcome.FAILED).contains("no help for 'nosuch'; help lists the commands."));
        assertTrue(run("nosuch-diyc-program", Outcome.FAILED).contains("not found"));
    }

    @Test
    void useHostChangesThePromptAndExitThereLeaves() {
        assertEquals("ctr> ", engine.prompt());
        run("use host", Outcome.OK);
        assertEquals("host> ", engine.prompt());
        run("exit", Outcome.QUIT);
        assertTrue(run("ctr exit", Outcome.OK).contains("ctr shares every namespace with the host: there is nothing to exit"));
    }

    @Test
    void compareWithoutAnArgumentSaysWhatItCompares() {
        assertTrue(run("compare", Outcome.FAILED).startsWith("diyc: compare what? One of: "));
    }

    @Test
    void lessonListNamesTheLessons() {
        String out = run("lesson list", Outcome.OK);
        assertTrue(out.contains(lessons.get(0).title()), out);
    }

    @Test
    void mainRunsAScriptFromItsInputAndFailsWhenALineFails() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String script = "use host\nhostname\nnosuch-diyc-program\nquit\nhelp\n";
        Io io = new Io(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true),
                new PrintStream(out, true), Map.of("XDG_STATE_HOME", state.toString()), false);
        assertEquals(Main.FAILED, new Main(io).run(new String[] {"--script", "-", "--no-color"}));
        String transcript = out.toString(StandardCharsets.UTF_8);
        assertTrue(transcript.contains("ctr> use host\nhost> hostname\n"), transcript);
        assertTrue(transcript.contains("host> quit\ndiyc: 1 line failed"), "quit ends the script: " + transcript);
    }

    @Test
    void aLessonRunsWithEveryCheckJudgedAgainstTheRealState() {
        String out = run("lesson run uts", Outcome.OK);
        assertTrue(out.contains("✓ the container is called diyc-child"), out);
        assertTrue(out.contains("sethostname(\"diyc-child\", 10) = 0"), out);
        assertTrue(!out.contains("✗"), out);
    }

    @Test
    void aCheckThatFailsSaysWhatItExpectedInWords() {
        run("lesson goto uts", Outcome.OK);
        run("ctr unshare --uts", Outcome.OK);
        String out = run("check", Outcome.FAILED);
        assertTrue(out.contains("✗ the container still shares the host's UTS namespace"), out);
        assertTrue(out.contains("≠ the same as the host's:"), out);
        assertTrue(!out.contains("(?") && !out.contains("same_as_host"), "no regex or key reaches the learner: " + out);
    }

    @Test
    void aHostChangeIsUndoneOnReset() {
        run("host ipcmk -Q", Outcome.OK);
        assertTrue(run("host ipcs -q", Outcome.OK).contains("0x"), "the queue is there");
        String undo = run("reset", Outcome.OK);
        assertTrue(undo.contains("msgctl("), "reset removes the queue as a syscall it shows: " + undo);
    }

    @Test
    void aNativeCommandSeesTheVariablesOnlyTheContextsShellKnowsAsThatShellExpandsThem() {
        Path play = engine.lab().playground();
        String ppid = run("host echo $PPID", Outcome.OK).strip();
        assertTrue(ppid.matches("[1-9][0-9]*"), "the host shell's parent: " + ppid);
        String made = run("host mkdir " + play + "/x-$PPID-y", Outcome.OK);
        assertTrue(made.contains("mkdir(\"" + play + "/x-" + ppid + "-y\""), "diyc's own mkdir, with the shell's $PPID: " + made);
        assertTrue(Files.isDirectory(play.resolve("x-" + ppid + "-y")), made);
        String ctr = Integer.toString(engine.lab().ctr().pid());
        run("ctr mkdir \"" + play + "/c-$$-$CTR\"", Outcome.OK);
        assertTrue(Files.isDirectory(play.resolve("c-" + ctr + "-" + ctr)), "$$ is ctr's shell, as is diyc's $CTR");
        run("host mkdir '" + play + "/q-$PPID'", Outcome.OK);
        assertTrue(Files.isDirectory(play.resolve("q-$PPID")), "single quotes keep it as typed, as in sh");
    }
}
