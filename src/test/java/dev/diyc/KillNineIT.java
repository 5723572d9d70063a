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
import org.junit.jupiter.api.Test;

/** SIGKILL gives the JVM no chance to clean up: the container must die with it by construction. */
class KillNineIT {
    @Test
    void aKilledDiycLeavesNoContainerBehind() throws Exception {
        Root.require();
        HostState before = HostState.now();
        Process diyc = Diyc.command("--script", "-").start();
        OutputStream in = diyc.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(diyc.getInputStream(), StandardCharsets.UTF_8));
        // A container in the middle of a lesson: every namespace diyc makes, a pivoted root, a
        // background job, and a foreground command still running when the JVM dies.
        in.write("""
                ctr unshare --uts --ipc --net --cgroup --pid --fork --mount-proc
                ctr hostname doomed
                ctr mount --bind rootfs rootfs
                ctr mkdir -p rootfs/old
                ctr pivot_root rootfs rootfs/old
                ctr sleep 999 &
                ctr echo READY
                ctr sleep 998
                """.getBytes(StandardCharsets.UTF_8));
        in.flush();
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            seen.append(line).append('\n');
        }
        assertEquals("READY", line, "diyc never got its container ready:\n" + seen);
        assertFalse(HostState.processesOutsideHostNamespaces().isEmpty(), "the container is running before the kill");
        Thread.sleep(300); // let it start the foreground sleep 998
        KillNine.of(diyc);
        HostState.assertUnchanged(before, "after kill -9 of diyc; its output:\n" + seen);
    }
}
