package dev.diyc.ns;

import dev.diyc.sys.Recorder;
import dev.diyc.sys.Spawn;
import dev.diyc.sys.Syscalls;
import dev.diyc.term.Sink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One of the two places a command can run, like the posts' two terminals: a thread that holds the
 * context's namespaces, root and working directory, and a real shell started from that thread.
 */
public abstract class Context implements AutoCloseable {
    protected final NsThread thread;
    protected final Lifeline lifeline;
    protected final Sink background;
    protected volatile ShellSession shell;

    protected Context(NsThread thread, Lifeline lifeline, Sink background) {
        this.thread = thread;
        this.lifeline = lifeline;
        this.background = background;
    }

    /** {@code host} or {@code ctr}. */
    public abstract String name();

    /** Variables the shell sees before each command (such as {@code CTR}). */
    protected abstract Map<String, String> vars();

    public NsThread thread() {
        return thread;
    }

    /** The session's recorder: the calls made for this context go there. */
    public Recorder recorder() {
        return thread.recorder();
    }

    public ShellSession shell() {
        return shell;
    }

    /** The host PID of the context's shell: every view of the context is read through /proc/PID. */
    public int pid() {
        return shell.pid();
    }

    /** The context as the host's /proc shows it: its namespaces, root, working directory, mounts. */
    public Path proc() {
        return Path.of("/proc/" + pid());
    }

    /** The namespace of the context's shell, like {@code uts:[4026531838]}. */
    public String namespace(Namespace n) {
        return n.of(proc());
    }

    public String hostname() {
        return thread.call(Syscalls::gethostname);
    }

    public ShellSession.Result run(String line, Sink to) {
        return shell.run(line, vars(), to);
    }

    public String capture(String line) {
        return shell.capture(line, vars());
    }

    private volatile boolean cancelled;

    /** Ctrl-C: stops what the shell started, and asks a native command that is still running to stop. */
    public void interrupt() {
        cancelled = true;
        shell.interrupt();
    }

    /** Whether Ctrl-C came since the current native command began (a long one, such as ping, polls this). */
    public boolean cancelled() {
        return cancelled;
    }

    /** A native command begins: earlier Ctrl-Cs are history. */
    public void clearCancelled() {
        cancelled = false;
    }

    /**
     * Runs on the context's thread after moving the thread to the shell's working directory, so a
     * native command's relative paths mean what they mean to the shell.
     */
    public <T> T inShellCwd(Callable<T> work) {
        int shellPid = pid();
        return thread.call(() -> {
            Syscalls.followCwdOf(shellPid);
            return work.call();
        });
    }

    /** Starts a shell from the context's thread, inheriting its namespaces, root and directory. */
    protected ShellSession startShellOnThread(List<String> argv) {
        return ShellSession.start(stdio -> thread.call(() -> Spawn.spawn(argv, HostEnv.get(), stdio, true)),
                lifeline, background);
    }

    @Override
    public void close() {
        if (shell != null) {
            shell.close();
        }
        thread.close();
    }
}
