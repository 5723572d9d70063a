package dev.diyc.sys;

/** errno numbers to their names and messages, as strace prints them: {@code EINVAL (Invalid argument)}. */
public final class Errno {
    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EBADF = 9, ECHILD = 10, ENOMEM = 12,
            EACCES = 13, EBUSY = 16, EEXIST = 17, ENODEV = 19, ENOTDIR = 20, EINVAL = 22, ENOSPC = 28, ENOSYS = 38;

    private Errno() {}

    public static String name(int errno) {
        jnr.constants.platform.Errno e = jnr.constants.platform.Errno.valueOf(errno);
        return e == jnr.constants.platform.Errno.__UNKNOWN_CONSTANT__ ? "E" + errno : e.name();
    }

    public static String message(int errno) {
        jnr.constants.platform.Errno e = jnr.constants.platform.Errno.valueOf(errno);
        return e == jnr.constants.platform.Errno.__UNKNOWN_CONSTANT__ ? "Unknown error " + errno : e.description();
    }
}
