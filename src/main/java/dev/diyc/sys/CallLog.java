package dev.diyc.sys;

import java.util.function.Consumer;

/**
 * Where every recorded call goes. The REPL sets a listener per command (to print), tests set one to
 * collect; calls made with no listener are simply not shown.
 */
public final class CallLog {
    private static volatile Consumer<Call> listener = c -> {};

    private CallLog() {}

    public static Consumer<Call> listener() {
        return listener;
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
