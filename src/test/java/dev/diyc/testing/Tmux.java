package dev.diyc.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A real terminal, driven as a learner would: tmux new-session, send-keys, capture-pane. */
public final class Tmux implements AutoCloseable {
    private final String session = "diyc-test-" + UUID.randomUUID().toString().substring(0, 8);
    private long panePid = -1;

    private Tmux() {}

    /** Starts {@code command} in a detached session of the given size, with extra environment. */
    public static Tmux start(int cols, int rows, Map<String, String> env, List<String> command) {
        Tmux t = new Tmux();
        List<String> cmd = new ArrayList<>(List.of("tmux", "new-session", "-d", "-s", t.session, "-x", Integer.toString(cols),
                "-y", Integer.toString(rows)));
        for (var e : env.entrySet()) {
            cmd.addAll(List.of("-e", e.getKey() + "=" + e.getValue()));
        }
        cmd.add("exec " + String.join(" ", command.stream().map(Tmux::quote).toList()));
        tmux(cmd);
        t.panePid = Long.parseLong(tmux(List.of("tmux", "display-message", "-p", "-t", t.session, "#{pane_pid}")).strip());
        return t;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Types text literally, then Enter. */
    public void line(String text) {
        type(text);
        key("Enter");
    }

    public void type(String text) {
        tmux(List.of("tmux", "send-keys", "-t", session, "-l", "--", text));
    }

    /** A named key: Enter, Tab, C-c, C-d, C-u. */
    public void key(String key) {
        tmux(List.of("tmux", "send-keys", "-t", session, key));
    }

    /** The visible screen, as the learner sees it. */
    public String screen() {
        return tmux(List.of("tmux", "capture-pane", "-p", "-t", session));
    }

    /** Waits until the screen matches; fails with the screen when it does not in time. */
    public String await(String regex, long millis) {
        Pattern p = Pattern.compile(regex, Pattern.DOTALL | Pattern.MULTILINE);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        String s = screen();
        while (!p.matcher(s).find()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the screen did not show /" + regex + "/ within " + millis + " ms:\n" + s);
            }
            sleep(50);
            s = screen();
        }
        return s;
    }

    public boolean alive() {
        try {
            return new ProcessBuilder("tmux", "has-session", "-t", session).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for the program to end (the session closes with it). */
    public void awaitExit(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (alive()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("still running after " + millis + " ms:\n" + screen());
            }
            sleep(50);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tmux(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("tmux is needed for the terminal tests (.ci/run installs it): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the session and waits until the program, and the cleanup that follows its death, are done. */
    @Override
    public void close() {
        if (alive()) {
            try {
                tmux(List.of("tmux", "kill-session", "-t", session));
            } catch (IllegalStateException e) {
                // it ended meanwhile
            }
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(panePid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < end) {
            sleep(50);
        }
        // diyc's lifeline removes the playground once the JVM is gone.
        Path playground = Path.of(System.getProperty("java.io.tmpdir"), "diyc-playground." + panePid);
        while (Files.exists(playground) && System.nanoTime() < end) {
            sleep(50);
        }
    }
}
