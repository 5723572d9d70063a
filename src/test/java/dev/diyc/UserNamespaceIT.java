package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import dev.diyc.rootfs.Rootfs;
import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.KillNine;
import dev.diyc.testing.Root;
import dev.diyc.testing.TestLearner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lesson 6 and user namespaces, end to end: as root (the container su'd to an ordinary user) and as
 * an ordinary user running diyc without sudo, the EINVAL diyc shows for its own
 * unshare(CLONE_NEWUSER), the EPERMs, and kill -9 leaving nothing in a user namespace diyc made.
 */
class UserNamespaceIT {
    private static final Path REAL_HOME = Path.of(System.getProperty("diyc.home", ".")).toAbsolutePath();
    private static Path learnerHome;

    @Test
    void lessonSixPassesAsRoot() throws IOException {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script("lesson run 6\n");
        assertEveryCheckPassed(r);
        assertTrue(r.output().contains("runs as " + TestLearner.NAME + ", uid " + TestLearner.uid()), r.output());
        HostState.assertUnchanged(before, r.output());
    }

    @Test
    void lessonSixPassesAsAnOrdinaryUserWithoutSudo() throws IOException {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = asLearner("lesson run 6\n");
        assertTrue(r.output().lines().findFirst().orElse("").startsWith("diyc runs without root: lesson 6 (userns) works as you are"),
                r.output());
        assertTrue(r.output().contains("the container already runs as " + TestLearner.NAME), r.output());
        assertTrue(r.output().contains("write(\"/proc/"), r.output());
        assertEveryCheckPassed(r);
        HostState.assertUnchanged(before, r.output());
    }

    @Test
    void diycShowsItsOwnEinvalThenStartsTheHelper() {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script("""
                ctr unshare -U -m -p -f sh
                ctr id -u
                host cat /proc/$CTR/uid_map
                ctr echo $$
                """);
        String out = r.output();
        String words = out.replaceAll("\\s+", " ");
        assertTrue(out.contains("unshare(CLONE_NEWUSER) = -1 EINVAL (Invalid argument)\n"), out);
        assertTrue(words.contains("a process with more than one thread cannot create a user namespace"), out);
        assertTrue(words.matches(".*This JVM has \\d+ threads\\. runc meets the same rule with Go.*"), out);
        assertTrue(words.matches(".*util-linux's unshare \\((/usr)?/bin/unshare\\).*"), out);
        assertTrue(out.contains("    unshare --user --mount --pid --fork --kill-child -- sh\n"), out);
        assertTrue(out.contains("ctr id -u\n65534\n"), out);
        assertTrue(out.contains("ctr echo $$\n1\n"), "the helper's forked shell is the container's, PID 1:\n" + out);
        assertEquals(0, r.exitCode(), out);
        HostState.assertUnchanged(before, out);
    }

    @Test
    void theKernelsRefusalsAreShownWithTheirCause() throws IOException {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = asLearner("""
                ctr unshare --uts
                ctr unshare --user --mount sh
                host echo 0 $CTR_UID 1 > /proc/$CTR/gid_map
                host echo 0 $CTR_UID 1 > /proc/$CTR/uid_map
                host echo 0 $CTR_UID 1 > /proc/$CTR/uid_map
                """);
        String out = r.output();
        String words = out.replaceAll("\\s+", " ");
        int uid = TestLearner.uid();
        assertTrue(out.contains("unshare(CLONE_NEWUTS) = -1 EPERM (Operation not permitted)\n"), out);
        assertTrue(words.contains("run diyc with sudo, or add --user"), out);
        String map = "\", \"0 " + uid + " 1\\n\") = ";
        assertTrue(words.matches(".*write\\(\"/proc/\\d+/gid_map" + Pattern.quote(map) + "-1 EPERM \\(Operation not permitted\\)"
                + " → an ordinary user may write gid_map only after writing deny to setgroups.*"), out);
        assertTrue(words.matches(".*write\\(\"/proc/\\d+/uid_map" + Pattern.quote(map) + "9 .*"), out);
        assertTrue(words.matches(".*write\\(\"/proc/\\d+/uid_map" + Pattern.quote(map) + "-1 EPERM \\(Operation not permitted\\)"
                + " → a map can be written only once, and this one already holds \"0 " + uid + " 1\".*"), out);
        assertFalse(out.contains("Exception"), out);
        HostState.assertUnchanged(before, out);
    }

    @Test
    void asRootWithoutSuTheContainersOwnProgramsActInIt() {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script("""
                ctr unshare --user --map-root-user --uts --mount --pid --fork --mount-proc
                ctr hostname inner
                ctr hostname
                ctr mount -t tmpfs tmpfs /mnt
                host hostname
                compare ns
                """);
        String out = r.output();
        assertTrue(out.contains("ctr hostname\n  · the container's own hostname\ninner\n"), out);
        assertTrue(out.contains("diyc's thread is outside this container's user namespace"), out);
        assertEquals(0, r.exitCode(), out);
        HostState.assertUnchanged(before, out);
    }

    @Test
    void aKilledDiycLeavesNothingInTheUserNamespacesItMade() throws Exception {
        Root.require();
        HostState before = HostState.now();
        for (boolean ordinary : new boolean[] {false, true}) {
            ProcessBuilder pb = ordinary ? learnerCommand() : Diyc.command("--script", "-");
            Process diyc = pb.start();
            StringBuilder seen = new StringBuilder();
            try {
                OutputStream in = diyc.getOutputStream();
                BufferedReader out = new BufferedReader(new InputStreamReader(diyc.getInputStream(), StandardCharsets.UTF_8));
                // No background job: run by an ordinary user the image has no /dev/null (no mknod without
                // root), and dash opens /dev/null for a job's input, so `sleep 999 &` would fail in there.
                in.write("""
                        ctr unshare --user --map-root-user --uts --ipc --pid --fork --mount --mount-proc --root=rootfs sh
                        host echo READY $CTR
                        ctr sleep 998
                        """.getBytes(StandardCharsets.UTF_8));
                in.flush();
                String line;
                while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
                    seen.append(line).append('\n');
                }
                assertTrue(line != null, "diyc never got its container ready:\n" + seen);
                Path userNs = Files.readSymbolicLink(Path.of("/proc", line.substring(6).strip(), "ns/user"));
                Thread.sleep(300); // let the shell start the foreground sleep 998
                assertEquals(3, inUserNamespace(userNs), "the helper, its shell and sleep are in the container's user namespace before the kill:\n"
                        + seen + HostState.processesOutsideHostNamespaces());
                KillNine.of(diyc);
            } finally {
                if (diyc.isAlive()) { // a failed assertion must not leave diyc and its container running
                    diyc.destroyForcibly();
                    HostState.awaitEqual(before);
                }
            }
            HostState.assertUnchanged(before, "after kill -9 of diyc" + (ordinary ? " run by " + TestLearner.NAME : "") + ":\n" + seen);
        }
    }

    @Test
    void withoutSudoWhatNeedsRootSaysSoInOneLine() throws IOException {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = asLearner("""
                lesson goto 2
                ctr su root
                ctr mount -t tmpfs tmpfs /mnt
                ctr hostname other
                host ip link add diyc-t0 type veth peer name diyc-t1
                lesson run all
                """);
        String out = r.output();
        assertTrue(out.replace("\n    ", " ").matches("(?s).*lessons 0, 1, 2, [0-9, ]+ need root: sudo ./diyc.*"), out);
        assertTrue(out.contains("lesson 2 (uts) makes namespaces without a user namespace, which needs root: run diyc with sudo"), out);
        assertTrue(out.contains("su: only root can become another user: run diyc with sudo"), out);
        assertTrue(out.contains("✓ all 1 lessons passed") || out.contains("✓ the container is back"), out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), "no stack trace:\n" + out);
        assertEquals(1, r.exitCode(), out);
        HostState.assertUnchanged(before, out);
    }

    /** How many processes are in this user namespace. */
    private static long inUserNamespace(Path ns) throws IOException {
        try (var procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    return Files.readSymbolicLink(p.resolve("ns/user")).equals(ns);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    private static void assertEveryCheckPassed(Diyc.Run r) throws IOException {
        Lesson six = LessonLoader.load(REAL_HOME.resolve("lessons/06-userns.yaml"));
        String out = r.output();
        assertFalse(out.contains("✗"), "a check or command failed:\n" + out);
        assertEquals(0, r.exitCode(), out);
        long passed = out.lines().filter(l -> l.startsWith("✓ ")).count();
        assertEquals(six.steps().stream().mapToLong(s -> s.checks().size()).sum(), passed, "every check ran and passed:\n" + out);
    }

    private static Diyc.Run asLearner(String script) throws IOException {
        return Diyc.script(learnerCommand(), script);
    }

    /** diyc run by the ordinary test user, from a copy of the project it can read (the checkout may be root's alone). */
    private static ProcessBuilder learnerCommand() throws IOException {
        Path home = learnerHome();
        Path state = home.resolve("state"); // the learner's own: progress, history
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Ddiyc.home=" + home, "-jar",
                home.resolve("target/diyc.jar").toString(), "--script", "-"));
        ProcessBuilder pb = new ProcessBuilder(TestLearner.as(List.of("PATH=/usr/local/bin:/usr/bin:/bin", "COLUMNS=100",
                "HOME=" + state, "XDG_STATE_HOME=" + state), java)).redirectErrorStream(true);
        return pb.directory(home.toFile());
    }

    private static synchronized Path learnerHome() throws IOException {
        if (learnerHome != null) {
            return learnerHome;
        }
        Path home = Files.createTempDirectory("diyc-learner-home");
        Rootfs.ensureDefault(REAL_HOME, null);
        Files.createDirectories(home.resolve("target"));
        Files.createDirectories(home.resolve("rootfs-images"));
        copy(Diyc.jar().toString(), home.resolve("target").toString());
        copy(Diyc.jar().resolveSibling("lib").toString(), home.resolve("target").toString());
        copy(REAL_HOME.resolve("lessons").toString(), home.toString());
        copy(Rootfs.defaultImage(REAL_HOME).toString(), home.resolve("rootfs-images").toString());
        TestLearner.chown(Files.createDirectory(home.resolve("state")));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder("rm", "-rf", "--one-file-system", home.toString()).start().waitFor();
            } catch (IOException | InterruptedException e) {
                // a temp directory left behind is not worth failing a run for
            }
        }));
        learnerHome = home;
        return home;
    }

    private static void copy(String from, String intoDir) throws IOException {
        try {
            Process p = new ProcessBuilder("cp", "-a", from, intoDir + "/").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException("cp -a " + from + " " + intoDir + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
