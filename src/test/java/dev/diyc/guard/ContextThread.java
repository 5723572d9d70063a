package dev.diyc.guard;

import dev.diyc.sys.Flags;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.Syscalls;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A stand-in for a context's thread, as diyc's contexts make them: CLONE_FS unshared, then any namespaces asked for. */
final class ContextThread implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-context");
        t.setDaemon(true);
        return t;
    });
    final int tid;

    ContextThread(long unshareFlags) {
        this(unshareFlags, null);
    }

    /** @param recorder what the thread records into for its whole life, as a context's thread does; null: nothing */
    ContextThread(long unshareFlags, Recorder recorder) {
        tid = call(() -> {
            if (recorder != null) {
                recorder.bind(); // never closed: the thread lives for the recorder
            }
            Syscalls.unshare(Flags.CLONE_FS | unshareFlags, null);
            return Syscalls.gettid();
        });
    }

    <T> T call(Callable<T> work) {
        Future<T> f = thread.submit(work);
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Ends the thread: the namespaces only it held go with it. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
