package dev.diyc.sys;

/**
 * An fd on the host's /proc, opened once from a thread that still has the host's root. Paths under
 * it ({@code 4242/cwd}, {@code thread-self/ns/pid}) resolve the same from any thread, even one that
 * has pivoted into a root filesystem without a /proc.
 */
public final class HostProc {
    private static volatile int fd = -1;

    private HostProc() {}

    /** Call once at start-up from a thread with the host's root. */
    public static synchronized void open() {
        if (fd < 0) {
            fd = Syscalls.open("/proc", Syscalls.O_PATH | Syscalls.O_DIRECTORY);
        }
    }

    static int fd() {
        if (fd < 0) {
            throw new IllegalStateException("HostProc.open() was not called at start-up");
        }
        return fd;
    }
}
