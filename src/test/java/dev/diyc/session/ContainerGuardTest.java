package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The guard wired in: what a container's shell runs (compound lines, sh -c, substitutions) cannot
 * change a namespace the container shares with the host, the learner reads diyc's words for it, and
 * the same line works once the namespace is the container's own. Plus the bugs found on the way.
 */
class ContainerGuardTest extends LiveSessionTest {
    private static final String UTS = "hostname: stopped by diyc: ctr still shares the host's UTS namespace; ctr unshare --uts first";
    private static final String MOUNT = "mount: stopped by diyc: ctr still shares the host's mount namespace; ctr unshare --mount first";

    @Test
    void whatTheShellRunsCannotChangeWhatIsSharedAndTheLearnerReadsDiycsWords() {
        assertTrue(run("ctr sh -c 'hostname diyc-guard-probe'", Outcome.FAILED).contains(UTS + "\n"));
        assertTrue(run("ctr echo $(hostname diyc-guard-probe)", Outcome.OK).contains(UTS + "\n"));
        String mounted = run("ctr mkdir -p guardx && mount -t tmpfs none guardx && echo mounted", Outcome.FAILED);
        assertTrue(mounted.contains(MOUNT + "\n") && !mounted.contains("mounted\n") && !mounted.contains("dmesg"), mounted);
        String init = run("ctr kill -0 1", Outcome.FAILED);
        assertTrue(init.contains("kill: stopped by diyc: ctr still shares the host's PID namespace, where PID 1 is the host's init"), init);
        assertTrue(run("ctr kill -0 $PPID || echo diyc-lives", Outcome.OK).contains("diyc-lives\n"), "kill $PPID names diyc");
        String link = run("ctr sh -c 'ip link add diyc-guardx type dummy'", Outcome.FAILED);
        assertTrue(link.contains("ip: stopped by diyc: ctr still shares the host's network namespace, so its programs start without "
                + "CAP_NET_ADMIN; ctr unshare --net first"), link);
        // Reading stays free.
        assertEquals(before.hostname() + "\n", run("ctr hostname", Outcome.OK));
        assertTrue(run("ctr sh -c 'mount | head -1; ip -o link | head -1; ps -p 1 -o pid='", Outcome.OK).contains("1\n"));
    }

    @Test
    void theContainersProgramsCarryTheFilterAndDiycsThreadsNone() throws IOException {
        assertTrue(run("ctr grep Seccomp: /proc/self/status", Outcome.OK).contains("Seccomp:\t2\n"));
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String status = Files.readString(task.resolve("status"));
                assertTrue(status.contains("Seccomp:\t0\n"), "diyc's thread " + task + " carries no filter");
            }
        }
    }

    @Test
    void oneItsOwnTheSameLineWorks() {
        run("ctr unshare --uts", Outcome.OK);
        assertEquals("diyc-own\n", run("ctr sh -c 'hostname diyc-own && hostname'", Outcome.OK));
        assertTrue(run("ctr sh -c 'mount -t tmpfs none /mnt'", Outcome.FAILED).contains(MOUNT), "mount is still the host's");
        run("ctr unshare --mount", Outcome.OK);
        assertEquals("mounted\n", run("ctr mkdir -p guardm && mount -t tmpfs none guardm && echo mounted", Outcome.OK));
    }

    @Test
    void guardDecodesTheFilterAndItShrinksAsNamespacesBecomeTheContainers() {
        String all = run("ctr guard", Outcome.OK);
        for (String rule : new String[] {"if (A == sethostname) goto", "if (A == mount) goto", "if (A != kill) goto",
                "if (A == " + ProcessHandle.current().pid() + ") goto", "return ERRNO(EPERM)", "capabilities taken away: 1<<CAP_NET_ADMIN"}) {
            assertTrue(all.contains(rule), rule + " in\n" + all);
        }
        run("ctr unshare --uts --mount --net --pid --fork --mount-proc", Outcome.OK);
        String none = run("ctr guard", Outcome.OK);
        for (String gone : new String[] {"sethostname", "A == mount", "kill", "CAP_NET_ADMIN"}) {
            assertFalse(none.contains(gone), gone + " in\n" + none);
        }
        assertTrue(none.contains("if (A != setns) goto"), none);
        assertTrue(run("host guard", Outcome.OK).contains("the host context runs unguarded"));
    }

    /** Post 004's line after a PID namespace: the helper was born in the old one and died with its init. */
    @Test
    void aUserNamespaceContainerAfterAPidNamespaceLives() throws InterruptedException {
        run("ctr unshare --pid --fork --mount-proc", Outcome.OK);
        String made = run("ctr unshare --user --map-root-user --uts --pid --fork sh", Outcome.OK);
        assertFalse(made.contains("killed by signal"), made);
        Thread.sleep(500);
        assertEquals("1\n", run("ctr echo $$", Outcome.OK));
        assertTrue(run("ctr cat /proc/self/uid_map", Outcome.OK).strip().matches("0\\s+0\\s+1"));
        assertEquals("inner\n", run("ctr sh -c 'hostname inner && hostname'", Outcome.OK));
        String userNs = run("ctr readlink /proc/self/ns/user", Outcome.OK);
        assertFalse(userNs.equals(run("host readlink /proc/self/ns/user", Outcome.OK)), "a user namespace of its own: " + userNs);
    }

    @Test
    void cgexecOnTheHostRefusesUnshareBeforeMovingTheHostsShell() {
        run("host cgcreate -g pids:diycguard", Outcome.OK);
        String refused = run("host cgexec -g pids:diycguard unshare --uts", Outcome.FAILED);
        assertTrue(refused.contains("unshare would change the host in the host context"), refused);
        assertFalse(refused.contains("cgroup.procs"), "no move in or out: " + refused);
        run("reset", Outcome.OK);
    }

    @Test
    void anUnbalancedQuoteInRunAndUnshareOfSlashAreLearnersMistakesNotInternalErrors() {
        for (String line : new String[] {"run --wd= 'half", "ctr2 unshare /", "ctr unshare --uts /"}) {
            String out = session.execute(line).text();
            assertFalse(out.contains("internal error"), line + " printed:\n" + out);
        }
    }
}
