package dev.diyc.sys;

import java.util.function.Consumer;

/**
 * Where every recorded call goes. The REPL sets a listener per command (to print), tests set one to
 * collect; calls made with no listener are simply not shown.
 */
public final class CallLog {
    private static volatile Consumer<Call> listener = c -> {};

    private CallLog() {}

    /** Runs work with none of its calls shown: a view or a check observes, it does not teach. */
    public static <T> T silently(java.util.function.Supplier<T> work) {
        Consumer<Call> shown = listener;
        listener = c -> {};
        try {
            return work.get();
        } finally {
            listener = shown;
        }
    }

    public static void listen(Consumer<Call> l) {
        listener = l == null ? c -> {} : l;
    }

    private static final ThreadLocal<Boolean> MUTED = ThreadLocal.withInitial(() -> false);

    /** Calls made by the current thread are not shown (diyc setting up its own threads). */
    public static void muteThisThread(boolean muted) {
        MUTED.set(muted);
    }

    public static void record(Call call) {
        if (!MUTED.get()) {
            listener.accept(call);
        }
    }
}
