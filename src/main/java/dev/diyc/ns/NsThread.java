package dev.diyc.ns;

import dev.diyc.sys.Flags;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A JVM thread that a context owns. Namespaces, the root and the working directory belong to a
 * thread, so every call that changes them, and every spawn that should inherit them, runs here.
 *
 * <p>The thread unshares CLONE_FS first: JVM threads share one fs_struct, and without this a
 * learner's chroot or a cd before pivot_root would move the whole JVM.
 *
 * <p>The thread records into its session's {@link Recorder} for its whole life, so a call made here
 * goes to that session's screen, whichever thread asked for it.
 */
public final class NsThread implements AutoCloseable {
    private static final Runnable STOP = () -> {};
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final CompletableFuture<Integer> tid = new CompletableFuture<>();
    private final Recorder recorder;

    public NsThread(String name, Path workDir, Recorder recorder) {
        this.recorder = recorder;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
        // diyc setting up its own thread: housekeeping, not the lesson
        call(() -> recorder.quietly(() -> {
            Syscalls.unshare(Flags.CLONE_FS, null);
            Syscalls.chdir(workDir.toString(), null);
            return null;
        }));
    }

    private void loop() {
        recorder.bind(); // for the thread's life: it ends with the thread
        tid.complete(Syscalls.gettid());
        while (true) {
            Runnable r;
            try {
                r = tasks.take();
            } catch (InterruptedException e) {
                return;
            }
            if (r == STOP) {
                return;
            }
            r.run();
        }
    }

    /** The kernel's id of this thread: /proc/self/task/TID shows its own namespaces. */
    public int tid() {
        return tid.join();
    }

    /** The session's recorder, into which every call made on this thread goes. */
    public Recorder recorder() {
        return recorder;
    }

    public Path procDir() {
        return Path.of("/proc/self/task/" + tid());
    }

    /** The user and group this thread acts as on the host, from its /proc status: {uid, gid}; -1 once it is gone. */
    public int[] hostIds() {
        int[] ids = {-1, -1};
        try {
            for (String line : Files.readAllLines(procDir().resolve("status"))) {
                if (line.startsWith("Uid:") || line.startsWith("Gid:")) {
                    ids[line.startsWith("Uid:") ? 0 : 1] = Integer.parseInt(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the thread is gone: its context is closing
        }
        return ids;
    }

    /**
     * Runs on this thread and waits; exceptions come back to the caller unchanged. A caller inside
     * {@link Recorder#quietly} gets its work done quietly here too.
     */
    public <T> T call(Callable<T> work) {
        if (Thread.currentThread() == thread) {
            return unchecked(work);
        }
        boolean quiet = recorder.quietHere();
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                result.complete(quiet ? recorder.quietly(() -> unchecked(work)) : work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static <T> T unchecked(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the thread; the namespaces only it held go with it. */
    @Override
    public void close() {
        tasks.add(STOP);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
