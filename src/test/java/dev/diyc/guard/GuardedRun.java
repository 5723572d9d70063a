package dev.diyc.guard;

import dev.diyc.sys.Fds;
import dev.diyc.sys.Spawn;
import dev.diyc.sys.Syscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/** Runs {@code sh -c SCRIPT} from a context's thread under a guard, as diyc will start a context's programs. */
record GuardedRun(int status, String output) {
    static final List<String> ENV = List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LC_ALL=C");

    static GuardedRun of(ContextThread context, Guard guard, String script) {
        return of(context, guard, List.of("/bin/sh", "-c", script));
    }

    static GuardedRun of(ContextThread context, Guard guard, List<String> argv) {
        return of(context, spawn -> GuardedSpawn.spawn(guard, spawn), argv);
    }

    /** Under a learner's restriction (capsh --drop, seccomp --deny) instead of the guard. */
    static GuardedRun of(ContextThread context, Restriction restriction, String script) {
        return of(context, spawn -> GuardedSpawn.spawn(restriction, spawn), List.of("/bin/sh", "-c", script));
    }

    private static GuardedRun of(ContextThread context, ToIntFunction<IntSupplier> spawnRestricted, List<String> argv) {
        int[] pipe = Fds.pipe();
        int devNull = Syscalls.open("/dev/null", Syscalls.O_RDONLY);
        int pid;
        try {
            pid = context.call(() -> spawnRestricted.applyAsInt(() -> Spawn.spawn(argv, ENV, new int[] {devNull, pipe[1], pipe[1]}, true)));
        } finally {
            Fds.close(pipe[1]);
            Fds.close(devNull);
        }
        try (var in = Fds.in(pipe[0])) {
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new GuardedRun(Fds.waitFor(pid), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line that starts with the prefix, or fails. */
    String line(String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in:\n" + output));
    }
}
