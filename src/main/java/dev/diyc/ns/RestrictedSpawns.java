package dev.diyc.ns;

import dev.diyc.guard.Restriction;
import java.util.function.Supplier;

/**
 * What {@code capsh --drop} and {@code seccomp --deny} took away from a container's shells. Every
 * program the container's thread starts from then on gets it after diyc's guard (ContainerGuard), on
 * the thread that exists only to spawn: the container's own thread keeps every capability and no filter.
 */
final class RestrictedSpawns {
    private volatile Restriction restriction;

    /** null while the container's shells lack nothing. */
    Restriction current() {
        return restriction;
    }

    /** Adds {@code more} and starts something under it; if that fails, the restriction is as it was. */
    <T> T adding(Restriction more, Supplier<T> start) {
        Restriction before = restriction;
        restriction = before == null ? more : before.and(more);
        try {
            return start.get();
        } catch (RuntimeException e) {
            restriction = before;
            throw e;
        }
    }
}
