package dev.diyc.ns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackgroundJobTest {
    @Test
    void aLoneAmpersandPutsAJobInTheBackground() {
        assertTrue(BackgroundJob.starts("sleep 999 &"));
        assertTrue(BackgroundJob.starts("ctr sleep 999 & "));
        assertFalse(BackgroundJob.starts("true && false"));
        assertFalse(BackgroundJob.starts("sleep 1"));
    }

    /** A job that stays a copy of its shell for 300 ms, then becomes sleep: diyc returns once it is sleep. */
    @Test
    void waitsUntilTheJobRunsItsOwnProgram() throws IOException, InterruptedException {
        Process sh = new ProcessBuilder("/bin/sh", "-c", "(sleep 0.3; exec sleep 77) & wait").start();
        try {
            int shell = (int) sh.pid();
            // As after diyc's line returns: the shell has forked the job (a 300 ms window to see it in).
            for (int i = 0; i < 100 && Processes.children(shell).size() < 2; i++) {
                Thread.sleep(1);
            }
            long t0 = System.nanoTime();
            BackgroundJob.awaitExec(shell, Set.of());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(Processes.children(shell).stream().anyMatch(p -> cmdline(p).equals("sleep\0" + "77\0")),
                    "the job is sleep 77 when diyc goes on, after " + ms + " ms");
            assertTrue(ms >= 100 && ms < 1000, ms + " ms");
        } finally {
            Processes.signalTree((int) sh.pid(), 9);
            sh.waitFor();
        }
    }

    private static String cmdline(int pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cmdline"));
        } catch (IOException e) {
            return "";
        }
    }
}
