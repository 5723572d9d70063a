package dev.diyc.sys;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where one session's calls go. A lab owns one recorder; its threads (each context's thread) are
 * bound to it for their whole life, and any other thread that does work for the lab (the REPL's,
 * the tutor's, a test's) is bound for the scope of that work with {@link #bind()} or {@link #on}.
 * A call is recorded into the recorder of the thread that made it, so two labs in one JVM never
 * see each other's calls; a thread bound to none records nowhere.
 *
 * <p>There is one way to keep calls off the screen: {@link #quietly}, a scope on the calling
 * thread. A view or a check observes, it does not teach; diyc's own housekeeping (setting up a
 * context's thread) is not the lesson either. The scope follows work the thread hands to a context's
 * thread (see {@code NsThread.call}), because that is where most of the calls are made.
 */
public final class Recorder {
    /** The recorder each thread records into, if any. */
    private static final ThreadLocal<Recorder> BOUND = new ThreadLocal<>();
    /** What an unbound thread records into: nothing is shown. */
    private static final Recorder NOWHERE = new Recorder();

    private volatile Consumer<Call> listener = c -> {};
    /** How many {@link #quietly} scopes the current thread is in, for this recorder. */
    private final ThreadLocal<Integer> quietDepth = ThreadLocal.withInitial(() -> 0);

    /** Where recorded calls go from now on: the REPL prints them, a test collects them; null: nowhere. */
    public void listen(Consumer<Call> l) {
        listener = l == null ? c -> {} : l;
    }

    /** Records a call made on the current thread, into the recorder the thread is bound to. */
    public static void record(Call call) {
        current().accept(call);
    }

    /** The recorder the current thread is bound to; one that shows nothing when it is bound to none. */
    public static Recorder current() {
        Recorder r = BOUND.get();
        return r == null ? NOWHERE : r;
    }

    private void accept(Call call) {
        if (quietDepth.get() == 0) {
            listener.accept(call);
        }
    }

    /** A thread's binding to a recorder; closing it puts back the binding the thread had before. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /** Binds the current thread to this recorder until the binding is closed (a context's thread: never). */
    public Binding bind() {
        Recorder before = BOUND.get();
        BOUND.set(this);
        return () -> {
            if (before == null) {
                BOUND.remove();
            } else {
                BOUND.set(before);
            }
        };
    }

    /** Runs work with the current thread's calls recorded here. */
    public <T> T on(Supplier<T> work) {
        try (Binding b = bind()) {
            return work.get();
        }
    }

    public void on(Runnable work) {
        on(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs work with none of its calls shown: those the current thread makes, and those made on a
     * context's thread that it hands work to meanwhile. The thread is bound to this recorder for
     * the scope.
     */
    public <T> T quietly(Supplier<T> work) {
        quietDepth.set(quietDepth.get() + 1);
        try {
            return on(work);
        } finally {
            quietDepth.set(quietDepth.get() - 1);
        }
    }

    public void quietly(Runnable work) {
        quietly(() -> {
            work.run();
            return null;
        });
    }

    /** Whether the current thread is inside a {@link #quietly} scope of this recorder. */
    public boolean quietHere() {
        return quietDepth.get() > 0;
    }
}
