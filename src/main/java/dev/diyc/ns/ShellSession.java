package dev.diyc.ns;

import dev.diyc.sys.Fds;
import dev.diyc.term.Sink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real shell living in a context (on the host, or in the container's namespaces and root), driven
 * line by line over a pipe on its standard input, as if typed into the posts' second terminal. So
 * {@code echo $$} prints the shell's own PID (1 once it is a PID namespace's init), {@code cd}
 * persists, and {@code sleep 999 &} becomes the shell's own background job.
 *
 * <p>Each line goes as a {@link CommandScript}, whose end-of-command marker the {@link LineSplitter}
 * cuts out of the output, so diyc knows when the command is over. When diyc goes away, the pipe
 * closes and the shell exits.
 */
public final class ShellSession implements AutoCloseable {
    /** Launches the shell where it must start (a context's thread); gets its stdin, stdout, stderr. */
    public interface Launcher {
        int launch(int[] stdio);
    }

    /** What a command did: its exit status, or that the shell itself went away while it ran. */
    public record Result(int status, boolean shellGone) {
        public boolean ok() {
            return status == 0 && !shellGone;
        }
    }

    /** The shell's PID; for a shell started through a helper that forks, the helper's child. */
    private volatile int pid;
    /** The process diyc started (the shell itself, or the helper that starts it): diyc waits for it and kills its group. */
    private final int spawned;
    private final CompletableFuture<Void> outEof = new CompletableFuture<>();
    private final CompletableFuture<Void> errEof = new CompletableFuture<>();
    private final OutputStream stdin;
    private final CommandScript script = new CommandScript();
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final Lifeline lifeline;
    private final Object lock = new Object();
    private volatile Sink sink;
    private final Sink background;
    private volatile CompletableFuture<Integer> outDone = CompletableFuture.completedFuture(0);
    private volatile CompletableFuture<Integer> errDone = CompletableFuture.completedFuture(0);
    private volatile Set<Integer> childrenBefore = Set.of();
    /** Commands sent so far; each marker carries its command's number, so a late duplicate is ignored. */
    private int commands;
    private volatile int expected;

    private ShellSession(int pid, int stdinFd, int stdoutFd, int stderrFd, Lifeline lifeline, Sink background, Sink startup) {
        this.pid = pid;
        this.spawned = pid;
        this.stdin = Fds.out(stdinFd);
        this.lifeline = lifeline;
        this.background = background;
        this.sink = startup;
        daemon("diyc-out-" + pid, () -> pump(Fds.in(stdoutFd), true));
        daemon("diyc-err-" + pid, () -> pump(Fds.in(stderrFd), false));
        daemon("diyc-wait-" + pid, () -> {
            int status = Fds.waitFor(pid);
            lifeline.forgetProcessGroup(pid);
            exited.complete(status);
        });
    }

    public static ShellSession start(Launcher launcher, Lifeline lifeline, Sink background) {
        return start(launcher, lifeline, background, null);
    }

    /**
     * Starts a shell through a helper program (util-linux's {@code unshare}), which either execs the
     * shell or, with {@code --fork}, forks it as its child. Waits until the shell runs, so that
     * {@link #pid()} is the shell's; what the helper prints meanwhile goes to {@code startup}.
     *
     * @throws HelperFailed when the helper exits before a shell runs
     */
    public static ShellSession startThroughHelper(Launcher launcher, Lifeline lifeline, Sink background, Sink startup,
            String helperArgv0, boolean forks) {
        ShellSession s = start(launcher, lifeline, background, startup);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (s.exited.isDone()) {
                CompletableFuture.allOf(s.outEof, s.errEof).completeOnTimeout(null, 1, TimeUnit.SECONDS).join();
                s.sink = null;
                throw new HelperFailed(s.exited.join(), "");
            }
            int candidate = forks ? Processes.children(s.spawned).stream().findFirst().orElse(-1) : s.spawned;
            String argv0 = candidate > 0 ? Processes.argv0(candidate) : null;
            if (argv0 != null && !argv0.isEmpty() && !argv0.equals(helperArgv0)) {
                s.pid = candidate;
                s.sink = null;
                return s;
            }
            sleep(2);
        }
        s.close();
        throw new HelperFailed(-1, helperArgv0 + " started no shell within 10 seconds");
    }

    private static ShellSession start(Launcher launcher, Lifeline lifeline, Sink background, Sink startup) {
        int[] in = Fds.pipe();
        int[] out = Fds.pipe();
        int[] err = Fds.pipe();
        int pid;
        try {
            pid = launcher.launch(new int[] {in[0], out[1], err[1]});
        } catch (RuntimeException e) {
            for (int fd : new int[] {in[0], in[1], out[0], out[1], err[0], err[1]}) {
                Fds.close(fd);
            }
            throw e;
        }
        Fds.close(in[0]);
        Fds.close(out[1]);
        Fds.close(err[1]);
        lifeline.watchProcessGroup(pid);
        return new ShellSession(pid, in[1], out[0], err[0], lifeline, background, startup);
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** The shell's PID as the host sees it. */
    public int pid() {
        return pid;
    }

    public boolean alive() {
        return !exited.isDone();
    }

    /** The shell's exit status once it has gone (exit code, or 128 + signal). */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /**
     * Runs one command line and waits for it. {@code vars} are set as shell variables first (for
     * example {@code CTR}, the container's host PID, so the shell itself expands {@code $CTR}).
     */
    public Result run(String line, Map<String, String> vars, Sink to) {
        synchronized (lock) {
            if (!alive()) {
                return new Result(-1, true);
            }
            int seq = ++commands;
            CompletableFuture<Integer> out = new CompletableFuture<>();
            CompletableFuture<Integer> err = new CompletableFuture<>();
            String text = script.forLine(line, vars, seq, pid);
            childrenBefore = Set.copyOf(Processes.children(pid));
            sink = to;
            outDone = out;
            errDone = err;
            expected = seq;
            if (!send(text)) {
                sink = null;
                return new Result(-1, true);
            }
            if (CommandScript.isExec(line)) {
                // Whatever the shell became reads the rest of our input: ask it for the marker too.
                daemon("diyc-exec-" + pid, () -> {
                    for (long wait = 300; !out.isDone() && alive(); wait = 1000) {
                        sleep(wait);
                        if (!out.isDone()) {
                            send(script.marker(seq, "0"));
                        }
                    }
                });
            }
            CompletableFuture.anyOf(CompletableFuture.allOf(out, err), exited).join();
            sink = null;
            if (out.isDone() && err.isDone()) {
                return new Result(out.join(), false);
            }
            return new Result(exited.join(), true);
        }
    }

    private boolean send(String text) {
        try {
            synchronized (stdin) {
                stdin.write(text.getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Convenience: the output of a command, standard error included. */
    public String capture(String line, Map<String, String> vars) {
        Sink.Capture c = new Sink.Capture();
        run(line, vars, c);
        return c.toString();
    }

    /**
     * Ctrl-C: interrupts what the running command started (processes that were not the shell's
     * children when it began), then kills what is left of them. The shell itself lives on.
     */
    public void interrupt() {
        Set<Integer> before = childrenBefore;
        var started = Processes.children(pid).stream().filter(p -> !before.contains(p)).toList();
        for (int p : started) {
            Processes.signalTree(p, 2);
        }
        daemon("diyc-interrupt-" + pid, () -> {
            sleep(400);
            for (int p : started) {
                Processes.signalTree(p, 9);
            }
        });
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pump(InputStream in, boolean isOut) {
        byte[] tokenBytes = script.token().getBytes(StandardCharsets.US_ASCII);
        LineSplitter lines = new LineSplitter(tokenBytes, text -> deliver(text, isOut), rest -> marker(rest, isOut));
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf, 0, buf.length)) > 0) {
                lines.feed(buf, n);
            }
        } catch (IOException e) {
            // the shell is gone
        } finally {
            (isOut ? outEof : errEof).complete(null);
        }
    }

    private void deliver(String text, boolean isOut) {
        Sink s = sink != null ? sink : background;
        if (s != null) {
            if (isOut) {
                s.out(text);
            } else {
                s.err(CommandScript.asTyped(text));
            }
        }
    }

    private void marker(String rest, boolean isOut) {
        CommandScript.Marker m = CommandScript.parse(rest);
        if (m == null || m.seq() != expected) {
            return; // not ours after all, or a duplicate from an exec'd shell after its command was over
        }
        if (isOut) {
            outDone.complete(m.status());
        } else {
            errDone.complete(0);
        }
    }

    /**
     * Ends the shell and everything in its process group, without waiting for the kernel to reap it
     * (its waiter thread does that): replacing a shell should not cost the learner a round trip.
     */
    public void end() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
        Fds.kill(-spawned, 9);
        Fds.kill(pid, 9);
        Fds.kill(spawned, 9);
    }

    /** Ends the shell and waits until it is gone. */
    @Override
    public void close() {
        end();
        try {
            exited.get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            // a zombie we cannot reap is not worth blocking the learner for
        }
    }
}
