package dev.diyc.sys;

import java.time.ZonedDateTime;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Memory;
import jnr.ffi.Runtime;

/**
 * Loads libc once. Loading jnr-ffi costs a few hundred milliseconds, so the REPL calls
 * {@link #warmUp()} from a background thread while the prompt is already showing.
 */
public final class Native {
    private static volatile LibC libc;

    private Native() {}

    public static LibC libc() {
        LibC l = libc;
        if (l == null) {
            synchronized (Native.class) {
                l = libc;
                if (l == null) {
                    l = LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, true).load("c");
                    libc = l;
                }
            }
        }
        return l;
    }

    public static Runtime runtime() {
        return Runtime.getRuntime(libc());
    }

    /** errno of the last call made through {@link #libc()} on this thread. */
    public static int errno() {
        return runtime().getLastError();
    }

    /**
     * Loads libc and touches the lazily loaded parts of the JDK and jnr (its native stub, time zone
     * data) from the host's root, before any container thread changes its root away from it.
     */
    public static void warmUp() {
        LibC l = libc();
        l.getpid();
        Errno.name(2);
        ZonedDateTime.now();
        Memory.allocateDirect(runtime(), 16);
    }
}
