package dev.diyc.ns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A line that puts a job in the background ({@code sleep 999 &}) returns as soon as the shell has
 * forked, and on a busy machine the job may not have become its program yet: lesson 3's next line,
 * {@code ps aux | grep '[s]leep 999'}, found only a copy of the shell there. At a terminal a person's
 * typing gives the job that moment; diyc, typing for the lesson, waits for it (a short bound, for a
 * job that never execs, such as a subshell).
 */
final class BackgroundJob {
    private static final long BOUND_MS = 1000;

    private BackgroundJob() {}

    /** Whether the line ends in a lone {@code &}: the shell does not wait for the job. */
    static boolean starts(String line) {
        String s = line.strip();
        return s.endsWith("&") && !s.endsWith("&&");
    }

    /** Waits until every child of the shell that was not there {@code before} runs a program of its own (or has ended). */
    static void awaitExec(int shell, Set<Integer> before) {
        byte[] shellLine = cmdline(shell);
        long deadline = System.nanoTime() + BOUND_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            List<Integer> forked = Processes.children(shell).stream().filter(p -> !before.contains(p)).toList();
            if (forked.stream().noneMatch(p -> Arrays.equals(cmdline(p), shellLine))) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A process's command line, empty once it is gone. */
    private static byte[] cmdline(int pid) {
        try {
            return Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"));
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
