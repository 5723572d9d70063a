package dev.diyc.ns;

import java.util.List;

/**
 * What {@code unshare} asks for, in util-linux's terms: the clone flags, the propagation made on /
 * (MS_PRIVATE and the like, 0 for none), --fork, --mount-proc's target, --root, --wd, the program, and
 * --monotonic and --boottime for a new time namespace.
 */
public record UnshareRequest(long flags, long propagation, boolean fork, String mountProc, String root, String wd,
        List<String> program, TimeOffsets offsets) {}
