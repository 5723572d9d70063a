package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.Main;
import dev.diyc.commands.NativeCommands;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real session driven in-process, line by line, through the engine: the lab, its shells and
 * namespaces are real (root needed), only the console is a capture. Each test opens its own session
 * and checks the host is as it was once the session is closed.
 */
class InProcessSessionTest extends LiveSessionTest {
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
        assertTrue(out.contains(LiveSession.lessons().get(0).title()), out);
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
        run("ctr hostname not-the-lessons-name", Outcome.OK); // no later step's state either: no leading on
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

    // ---- a learner out of order (issue 13)

    @Test
    void aLearnerWhoTypedAheadIsLedOnToTheStepTheyAreAt() {
        run("lesson goto uts", Outcome.OK);
        run("ctr unshare --uts", Outcome.OK);
        String out = run("check", Outcome.OK);
        assertTrue(out.contains("✓ you are ahead: this is already step 2's state (Take the UTS namespace away from the host)"), out);
        assertEquals("lesson 2 · step 2/5", engine.tutor().status());
        assertTrue(run("next", Outcome.OK).contains("step 3/5 · Rename the container"), "next goes on from there");
    }

    @Test
    void theSameFailureNeverGetsTheSameAnswerAndHintAddressesIt() {
        run("lesson goto uts", Outcome.OK);
        run("next", Outcome.OK);
        run("ctr unshare --uts", Outcome.OK);
        run("next", Outcome.OK); // step 3: rename the container, not done
        String first = run("check", Outcome.FAILED);
        assertTrue(first.contains("expected") && first.contains("hint says what is wrong"), first);
        String again = run("next", Outcome.OK); // next itself did what it does: it stayed, and says why
        assertTrue(again.contains("next moves on once this step passes. The same as the last check"), again);
        assertTrue(again.contains("reset step (this step again from its start)") && !again.contains("expected "), again);
        String hint = run("hint", Outcome.OK);
        assertTrue(hint.contains("✗ the container is called diyc-child: seen "), "the first hint is about the failed check: " + hint);
        assertTrue(run("hint", Outcome.OK).contains("    ctr hostname diyc-child"), "the second gives the commands");
        assertTrue(run("hint", Outcome.OK).contains("that is every hint there is: step types these for you, reset step"));
    }

    @Test
    void resetStepRebuildsTheStepsStartAndKeepsTheLesson() {
        run("lesson goto uts", Outcome.OK);
        run("next", Outcome.OK);
        run("ctr unshare --uts", Outcome.OK);
        run("next", Outcome.OK);
        run("ctr hostname wrong-name", Outcome.OK);
        String out = run("reset step", Outcome.OK);
        assertTrue(out.contains("  ↻ ctr unshare --uts\n"), "the steps before it are replayed, a line each: " + out);
        assertTrue(out.contains("step 3 starts again from where step 2 ended"), out);
        assertEquals("lesson 2 · step 3/5", engine.tutor().status());
        assertTrue(!run("ctr hostname", Outcome.OK).contains("wrong-name"), "the step's own change is gone");
        assertTrue(!run("ctr readlink /proc/self/ns/uts", Outcome.OK).equals(run("host readlink /proc/self/ns/uts", Outcome.OK)),
                "step 2's namespace is back");
        assertTrue(run("where", Outcome.OK).contains("── Lesson 2 · step 3/5 · Rename the container"), "where shows the step, runs nothing");
    }

    @Test
    void thePostsSudoRunsTheCommandInEitherContextAndShellErrorsReadLikeAShells() {
        String first = run("sudo hostname", Outcome.OK);
        assertTrue(first.contains("diyc already runs as root, so sudo is not needed here"), first);
        String second = run("host sudo echo via-sudo", Outcome.OK);
        assertTrue(second.contains("via-sudo") && !second.contains("already runs as root"), "said once: " + second);
        assertTrue(run("sudo unshare --uts", Outcome.OK).contains("unshare(CLONE_NEWUTS) = 0"), "a native command too");
        String error = run("ctr echo \"unterminated", Outcome.FAILED);
        assertTrue(error.contains("sh: 1: Syntax error: Unterminated quoted string") && !error.contains("eval"), error);
    }

    // ---- fair checks

    @Test
    void libcCountsWhereTheLoaderLooksForItAndAFlatCopyIsNoHarm() {
        run("lesson goto chroot", Outcome.OK);
        run("next", Outcome.OK);
        run("host mkdir -p jail && cp $(ldd /bin/sh | grep -o '/[^ ]*/libc[.]so[^ ]*') jail/", Outcome.OK);
        String flat = run("check", Outcome.FAILED);
        assertTrue(flat.contains("✗ it has libc, where the loader will look for it"), flat);
        run("host cp --parents /bin/sh $(ldd /bin/sh | grep -o '/[^ ]*') jail", Outcome.OK);
        run("host cp --parents /bin/ls $(ldd /bin/ls | grep -o '/[^ ]*') jail", Outcome.OK);
        String both = run("check", Outcome.OK);
        assertTrue(both.contains("✓ it has libc, where the loader will look for it") && !both.contains("✗"), both);
    }

    @Test
    void reachingTheBridgeMeansThroughTheCableNotThroughAnyBridge() {
        run("lesson goto bridge", Outcome.OK);
        run("step", Outcome.OK);
        run("next", Outcome.OK);
        run("step", Outcome.OK);
        run("next", Outcome.OK);
        run("step", Outcome.OK);
        run("host ip link set diyc-h8a down", Outcome.OK);
        run("ctr ip link add stray type bridge", Outcome.OK);
        run("ctr ip addr add 10.200.8.1/24 dev stray", Outcome.OK);
        run("ctr ip link set stray up", Outcome.OK);
        assertTrue(run("ctr ping -c 1 10.200.8.1", Outcome.OK).contains("1 received"), "the stray bridge answers");
        String fooled = run("check", Outcome.FAILED);
        assertTrue(fooled.contains("✗ the host's end of the cable is up"), fooled);
        assertTrue(fooled.contains("✗ the bridge's address is on the host, not inside ctr"), fooled);
        String hint = run("hint", Outcome.OK);
        assertTrue(hint.contains("`host ip link set diyc-h8a up`"), "the hint addresses the failed check: " + hint);
        run("host ip link set diyc-h8a up", Outcome.OK);
        run("ctr ip link del stray", Outcome.OK);
        String fair = run("check", Outcome.OK);
        assertTrue(fair.contains("✓ ctr reaches the bridge's address through its cable"), fair);
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

    @Test
    void aPathWithANulCharacterIsTheLearnersMistakeNotAnInternalError() {
        // Found by RandomLinesTest, seed 8196258600245: mkdir -p with a NUL among its words.
        String out = run("mkdir -p x\u0000y", Outcome.FAILED);
        assertTrue(out.contains("cannot be a path: nul character not allowed") && !out.contains("internal error"), out);
    }

    @Test
    void aQueueMadeByACtrThatSharesTheHostsIpcNamespaceIsUndoneLikeTheHosts() {
        // Found by RandomLinesTest, seed 8196258600245: ctr ipcmk -Q before unshare --ipc left a queue on the host.
        assertTrue(run("ctr ipcmk -Q", Outcome.OK).contains("Message queue id: "));
        // the host check after the session is closed finds no queue left
    }
}
