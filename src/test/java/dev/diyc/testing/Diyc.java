package dev.diyc.testing;

import dev.diyc.sys.Privileges;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged diyc.jar as a learner's ./diyc would, in scripted mode, with no terminal. */
public final class Diyc {
    public record Run(int exitCode, String output) {}

    private static final Path STATE = tempState();

    private Diyc() {}

    private static Path tempState() {
        try {
            Path p = Files.createTempDirectory("diyc-test-state");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var files = Files.walk(p)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temp directory left behind is not worth failing a run for
                }
            }));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path jar() {
        String jar = System.getProperty("diyc.jar", "target/diyc.jar");
        Path p = Path.of(jar).toAbsolutePath();
        if (!Files.exists(p)) {
            throw new IllegalStateException("no " + p + ": run the end-to-end tests through mvn verify (after package)");
        }
        return p;
    }

    public static ProcessBuilder command(String... args) {
        return command(Path.of(System.getProperty("diyc.home", "")).toAbsolutePath(), args);
    }

    /** @param home the directory with lessons/ and rootfs-images/ */
    public static ProcessBuilder command(Path home, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Ddiyc.home=" + home,
                "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("COLUMNS", "100");
        // Progress and history of test runs stay out of the real user's state directory.
        pb.environment().put("XDG_STATE_HOME", STATE.toString());
        pb.environment().remove("TERM");
        if (Privileges.isRoot()) {
            // Lesson 6 works as an ordinary user; the tests bring their own rather than rely on the machine's.
            pb.environment().put("DIYC_LEARNER", TestLearner.ensure());
        }
        return pb;
    }

    /** Feeds {@code script} on standard input to {@code diyc --script -} and waits for it to end. */
    public static Run script(String script) {
        return script(Path.of(System.getProperty("diyc.home", "")).toAbsolutePath(), script);
    }

    public static Run script(Path home, String script) {
        return script(command(home, "--script", "-"), script);
    }

    /** With its own state directory (progress, history), as one learner coming back across runs. */
    public static Run scriptWithState(Path state, String script) {
        ProcessBuilder pb = command("--script", "-");
        pb.environment().put("XDG_STATE_HOME", state.toString());
        return script(pb, script);
    }

    /** With JVM options before -jar, such as {@code -Ddiyc.procfs.pidns=false}. */
    public static Run scriptWithOptions(List<String> jvmOptions, String script) {
        ProcessBuilder pb = command("--script", "-");
        pb.command().addAll(1, jvmOptions);
        return script(pb, script);
    }

    /**
     * Runs {@code lines}, then, while diyc is still running, {@code whileRunning} (to see what it made),
     * then kills diyc with SIGKILL: no shutdown hook runs, only the lifeline can clean up.
     */
    public static void killAfter(String lines, Runnable whileRunning) {
        try {
            Process diyc = startUntil(lines + "\nctr echo READY\nctr sleep 60\n", "READY").process();
            try {
                whileRunning.run();
            } finally {
                KillNine.of(diyc);
                diyc.getOutputStream().close();
                diyc.getInputStream().close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A diyc still running its script, and what it printed before the line that said it was ready. */
    public record Started(Process process, String before) {}

    /**
     * Starts {@code diyc --script -} on a script that prints a line {@code ready} somewhere, and
     * returns once that line is out, with diyc still running (its input open), for a test to kill it.
     */
    public static Started startUntil(String script, String ready) throws IOException {
        Process p = command("--script", "-").start();
        OutputStream in = p.getOutputStream();
        in.write(script.getBytes(StandardCharsets.UTF_8));
        in.flush();
        var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null && !line.equals(ready)) {
            seen.append(line).append('\n');
        }
        if (line == null) {
            p.destroyForcibly();
            throw new AssertionError("diyc ended before printing " + ready + ":\n" + seen);
        }
        return new Started(p, seen.toString());
    }

    /** Feeds {@code script} to a diyc started by {@code pb} (any command line, such as one run as another user). */
    public static Run script(ProcessBuilder pb, String script) {
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            String out = readAll(p.getInputStream());
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("diyc did not finish within 5 minutes:\n" + out);
            }
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }
}
