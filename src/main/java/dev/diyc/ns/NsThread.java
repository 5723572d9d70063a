package dev.diyc.ns;

import dev.diyc.sys.CallLog;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Syscalls;
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
 */
public final class NsThread implements AutoCloseable {
    private static final Runnable STOP = () -> {};
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final CompletableFuture<Integer> tid = new CompletableFuture<>();

    public NsThread(String name, Path workDir) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
        call(() -> {
            CallLog.muteThisThread(true);
            try {
                Syscalls.unshare(Flags.CLONE_FS, null);
                Syscalls.chdir(workDir.toString(), null);
            } finally {
                CallLog.muteThisThread(false);
            }
            return null;
        });
    }

    private void loop() {
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

    public Path procDir() {
        return Path.of("/proc/self/task/" + tid());
    }

    /** Runs on this thread and waits; exceptions come back to the caller unchanged. */
    public <T> T call(Callable<T> work) {
        if (Thread.currentThread() == thread) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                result.complete(work.call());
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
