package dev.diyc.ns;

import java.util.List;
import java.util.Set;

/**
 * What {@code unshare} asks for, in util-linux's terms: the clone flags, the propagation made on /
 * (MS_PRIVATE and the like, 0 for none), --fork, --mount-proc's target, --root, --wd, the program, and
 * --monotonic and --boottime for a new time namespace.
 */
public record UnshareRequest(long flags, long propagation, boolean fork, String mountProc, String root, String wd,
        List<String> program, TimeOffsets offsets) {
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh");

    /** A shell becomes the container's shell; any other program runs once in the new container. */
    public static boolean isShell(List<String> program) {
        if (program.isEmpty()) {
            return false;
        }
        String path = program.get(0);
        // by hand, not Path.getFileName: "/" has no file name, and a path with a NUL is no Path at all
        return SHELLS.contains(path.substring(path.lastIndexOf('/') + 1));
    }
}
