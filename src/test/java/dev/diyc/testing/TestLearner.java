package dev.diyc.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ordinary user the tests run lesson 6 as: {@code diyc-learner}, created (by root) when the machine
 * has none, and deleted again when the test JVM ends if the tests created it.
 */
public final class TestLearner {
    public static final String NAME = "diyc-learner";
    private static volatile boolean ready;

    private TestLearner() {}

    /** Makes sure the user exists; returns its name. Needs root. */
    public static synchronized String ensure() {
        if (ready) {
            return NAME;
        }
        if (run("id", "-u", NAME) != 0) {
            if (run("useradd", "--create-home", "--shell", "/bin/sh", NAME) != 0) {
                throw new IllegalStateException("useradd " + NAME + " failed");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run("userdel", "--remove", NAME)));
        }
        ready = true;
        return NAME;
    }

    /** The user's numeric ID. */
    public static int uid() {
        ensure();
        try {
            Process p = new ProcessBuilder("id", "-u", NAME).start();
            return Integer.parseInt(new String(p.getInputStream().readAllBytes()).strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A command line that runs {@code argv} as the learner, with no capabilities, with a fresh
     * environment but for the variables given.
     */
    public static List<String> as(List<String> env, List<String> argv) {
        ensure();
        // setpriv execs (runuser would fork and wait), so the PID is diyc's own and kill -9 reaches it.
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--init-groups", "--",
                "env", "-i"));
        cmd.addAll(env);
        cmd.addAll(argv);
        return cmd;
    }

    /** Gives a directory to the learner, for its state (progress, history). */
    public static Path chown(Path dir) {
        if (run("chown", ensure() + ":", dir.toString()) != 0) {
            throw new IllegalStateException("chown " + dir);
        }
        return dir;
    }

    static int run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
