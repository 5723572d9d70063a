package dev.diyc.sys;

import java.util.List;

/**
 * One call as strace would print it: {@code mount("rootfs", "rootfs", NULL, MS_BIND, NULL) = 0}.
 *
 * @param note why diyc made the call, shown after it, or null; set for calls diyc makes for its own
 *     housekeeping rather than because the learner typed them
 */
public record Call(String name, List<String> args, long result, int errno, String note) {

    public boolean failed() {
        return result < 0;
    }

    public Call withNote(String why) {
        return new Call(name, args, result, errno, why);
    }

    /** The strace line without the note. */
    public String line() {
        String ret = failed() ? "-1 " + Errno.name(errno) + " (" + Errno.message(errno) + ")" : Long.toString(result);
        return name + "(" + String.join(", ", args) + ") = " + ret;
    }

    @Override
    public String toString() {
        return line();
    }
}
