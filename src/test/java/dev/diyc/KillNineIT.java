package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.KillNine;
import dev.diyc.testing.Root;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** SIGKILL gives the JVM no chance to clean up: the container must die with it by construction. */
class KillNineIT {
    @Test
    void aKilledDiycLeavesNoContainerBehind() throws Exception {
        Root.require();
        HostState before = HostState.now();
        // A container in the middle of a lesson: every namespace diyc makes, a pivoted root, a
        // background job, and a foreground command still running when the JVM dies.
        Started diyc = startUntilReady("""
                ctr unshare --uts --ipc --net --cgroup --pid --fork --mount-proc
                ctr hostname doomed
                ctr mount --bind rootfs rootfs
                ctr mkdir -p rootfs/old
                ctr pivot_root rootfs rootfs/old
                ctr sleep 999 &
                ctr echo READY
                ctr sleep 998
                """);
        assertFalse(HostState.processesOutsideHostNamespaces().isEmpty(), "the container is running before the kill");
        diyc.kill();
        HostState.assertUnchanged(before, "after kill -9 of diyc; its output:\n" + diyc.seen());
    }

    /**
     * In the middle of the overlay lesson: the container runs on an overlay of the playground's image
     * with its layer beside it. The overlay lives only in the container's mount namespace, which must
     * die with diyc, and the playground (whiteout and overlayfs's work directory included) must go.
     */
    @Test
    void aKilledDiycInTheOverlayLessonLeavesNoMount() throws Exception {
        Root.require();
        HostState before = HostState.now();
        Set<String> overlaysBefore = overlays();
        Started diyc = startUntilReady("""
                ctr unshare -m
                ctr mkdir -p upper work merged
                ctr mount -t overlay overlay -o lowerdir=rootfs,upperdir=upper,workdir=work merged
                ctr cd merged
                ctr pivot_root . .
                ctr umount -l .
                ctr cd /
                ctr rm /I_AM_THE_CONTAINER
                ctr echo READY
                ctr sleep 998
                """);
        Set<String> diycs = new TreeSet<>(overlays());
        diycs.removeAll(overlaysBefore);
        assertTrue(diycs.stream().anyMatch(l -> l.contains("upperdir=upper")), "the container's overlay is mounted before the kill:\n" + diyc.seen());
        diyc.kill();
        HostState.assertUnchanged(before, "after kill -9 of diyc on an overlay; its output:\n" + diyc.seen());
        Set<String> left = new TreeSet<>(overlays());
        left.removeAll(overlaysBefore);
        assertEquals(Set.of(), left, "no mount namespace keeps diyc's overlay");
    }

    /**
     * Overlay mounts in any process's mount namespace, as mountinfo lines (mount IDs make them unique;
     * the layers are shown as given, relative paths included, so the playground's name is not in them).
     */
    private static Set<String> overlays() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    Files.readAllLines(p.resolve("mountinfo")).stream()
                            .filter(l -> l.contains(" - overlay "))
                            .forEach(found::add);
                } catch (IOException e) {
                    // the process ended while the list was read
                }
            }
        }
        return found;
    }

    /** A diyc fed a script, read until it echoes READY; what it printed before that, for messages. */
    private record Started(Process process, String seen) {
        /** kill -9, once the foreground command after READY has had time to start. */
        void kill() throws InterruptedException {
            Thread.sleep(300);
            KillNine.of(process); // and waits for diyc's lifeline to finish, within a bound
        }
    }

    private static Started startUntilReady(String script) throws IOException {
        Process diyc = Diyc.command("--script", "-").start();
        OutputStream in = diyc.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(diyc.getInputStream(), StandardCharsets.UTF_8));
        in.write(script.getBytes(StandardCharsets.UTF_8));
        in.flush();
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            seen.append(line).append('\n');
        }
        assertEquals("READY", line, "diyc never got its container ready:\n" + seen);
        return new Started(diyc, seen.toString());
    }
}
