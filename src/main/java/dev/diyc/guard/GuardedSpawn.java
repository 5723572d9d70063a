package dev.diyc.guard;

import dev.diyc.sys.Capabilities;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.Restrict;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntSupplier;

/**
 * Starts a program under a {@link Guard} without ever filtering one of diyc's own threads.
 *
 * <p>A seccomp filter cannot be put on another process and, once on a thread, never comes off; a
 * context's thread must stay unfiltered, since it makes the learner's own syscalls (sethostname
 * after {@code unshare --uts} included). So each guarded program gets a thread of its own that
 * restricts itself, spawns, and ends, taking its filter with it.
 *
 * <p>That thread is started <em>from the context's thread</em>: a new thread begins with its
 * creator's namespaces, credentials (a context that ran {@code su}) and cgroups, and shares its
 * root and working directory (threads are cloned with CLONE_FS, and the context's thread unshared
 * its fs_struct from the JVM's, not from the threads it starts). Nothing has to be copied or
 * entered. One exception: a thread whose next children go to another PID namespace cannot start
 * threads (EINVAL), so the caller must be back in its own PID namespace for children; the
 * {@code spawn} given here then enters the container's (setns) or makes it (unshare) on the new
 * thread, which needs no setns back since it ends.
 */
public final class GuardedSpawn {
    private static final String WHY = "on a thread started only to spawn this program: its children inherit the filter, "
            + "and it goes when the thread ends";

    private GuardedSpawn() {}

    /**
     * Call it on the context's thread. Runs {@code spawn} on a fresh thread once the guard is in place.
     *
     * @param spawn starts the program from the calling thread (posix_spawn) and returns its PID
     * @return what {@code spawn} returned
     */
    public static int spawn(Guard guard, IntSupplier spawn) {
        return spawn(guard, null, () -> {}, spawn, true);
    }

    /**
     * Call it on the context's thread. Runs {@code spawn} on a fresh thread once the learner's own
     * restriction (capsh --drop, seccomp --deny) is in place.
     */
    public static int spawn(Restriction restriction, IntSupplier spawn) {
        return spawn(null, restriction, () -> {}, spawn, true);
    }

    /**
     * As {@link #spawn(Guard, IntSupplier)}, for a container's every program: the guard goes on off the
     * screen (diyc's own machinery, the same at every spawn; {@code ctr guard} shows the filter), while
     * what {@code enter} does is shown. It runs on the fresh thread before the guard is in place: setns
     * into the container's PID namespace, which the guard itself refuses afterwards (setns into a
     * namespace the context no longer shares is how a shell would get back to the host's), or
     * unshare(CLONE_NEWPID).
     */
    public static int spawnQuietly(Guard guard, Runnable enter, IntSupplier spawn) {
        return spawn(guard, guard.learners(), enter, spawn, false);
    }

    /**
     * @param guard diyc's guard, or null
     * @param learners the learner's own restriction, always shown (it is what capsh and seccomp teach), or null
     */
    private static int spawn(Guard guard, Restriction learners, Runnable enter, IntSupplier spawn, boolean showInstall) {
        CompletableFuture<Integer> pid = new CompletableFuture<>();
        // The short-lived thread records into its creator's session, quietly if the creator is quiet.
        Recorder recorder = Recorder.current();
        boolean quiet = recorder.quietHere();
        Runnable work = () -> {
            enter.run();
            if (guard != null && showInstall) {
                install(guard);
            } else if (guard != null) {
                recorder.quietly(() -> install(guard));
            }
            if (learners != null) {
                learners.install();
            }
            pid.complete(spawn.getAsInt());
        };
        Thread t = new Thread(() -> {
            try {
                if (quiet) {
                    recorder.quietly(work);
                } else {
                    recorder.on(work);
                }
            } catch (Throwable e) {
                pid.completeExceptionally(e);
            }
        }, "diyc-guarded-spawn");
        t.setDaemon(true);
        t.start();
        try {
            return pid.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a guarded program", e);
        }
    }

    /** Restricts the calling thread, for good. Only ever on a thread that exists to spawn. */
    static void install(Guard guard) {
        Restrict.noNewPrivs("so that no program it starts (setuid or with file capabilities) can gain what the guard takes away");
        if (guard.droppedCapabilities() != 0) {
            Restrict.dropCapabilities(guard.droppedCapabilities(), "the host's network is changed only with "
                    + Capabilities.format(guard.droppedCapabilities()).replace("1<<", "") + "; reading it needs none");
        }
        Restrict.seccompFilter(guard.program().bytes(), WHY);
    }
}
