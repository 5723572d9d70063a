package dev.diyc.rootfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one host program (tar, cp, ldd, mknod, busybox) and collects what it printed.
 *
 * <p>It uses {@link ProcessBuilder}, so call it only from a thread that is still in the host's
 * namespaces and root (see DESIGN.md: ProcessBuilder breaks on a thread that has pivoted).
 */
final class HostCommand {

    /** What the program did: its exit code and its stdout and stderr, merged in the order printed. */
    record Result(List<String> argv, int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }

        /** The first line of output: for tar, cp and ldd the one that says what went wrong. */
        String firstLine() {
            return output.strip().lines().findFirst().orElse("no output, exit code " + exitCode);
        }
    }

    private HostCommand() {}

    /**
     * Runs {@code program args...}, where program is an absolute path (see {@link HostPrograms}).
     * A program that cannot start or that outlives the timeout is an error; a non-zero exit code is
     * not: the caller decides what it means.
     */
    static Result run(Duration timeout, Path program, String... args) throws RootfsException {
        return runIn(null, timeout, program, args);
    }

    /** Like {@link #run}, in working directory {@code dir} (null: the JVM's). */
    static Result runIn(Path dir, Duration timeout, Path program, String... args) throws RootfsException {
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        // Messages such as ldd's "not a dynamic executable" are matched in English.
        builder.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RootfsException("could not start " + program + " (" + e.getMessage() + ")", e);
        }
        try {
            process.getOutputStream().close(); // nothing to say on stdin; a program that reads it sees EOF
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            // Read on another thread so that a program printing more than a pipe holds cannot stall us.
            Thread reader = new Thread(() -> copy(process.getInputStream(), output), "rootfs-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new RootfsException(
                        String.join(" ", argv) + " did not finish within " + timeout.toSeconds() + " s");
            }
            reader.join();
            return new Result(argv, process.exitValue(), output.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RootfsException("could not talk to " + program + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RootfsException("interrupted while running " + program, e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
