package dev.diyc.ns;

import dev.diyc.guard.GuardedSpawn;
import dev.diyc.guard.Restriction;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What {@code capsh --drop} and {@code seccomp --deny} took away from a container's shells. Every
 * program the container's thread starts from then on gets it, through a thread that exists only to
 * spawn ({@link GuardedSpawn}): the container's own thread keeps every capability and no filter.
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

    /** Call it on the container's thread: the spawn as is, or on a short-lived restricted thread. */
    int spawn(IntSupplier spawn) {
        Restriction r = restriction;
        return r == null ? spawn.getAsInt() : GuardedSpawn.spawn(r, spawn);
    }
}
