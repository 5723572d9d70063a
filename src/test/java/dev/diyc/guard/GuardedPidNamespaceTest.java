package dev.diyc.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diyc.sys.Fds;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Native;
import dev.diyc.sys.Spawn;
import dev.diyc.sys.Syscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The spawn-only thread makes the container's PID namespace itself (its context's thread could not
 * start it afterwards: a thread whose children go to a new PID namespace cannot start threads).
 */
class GuardedPidNamespaceTest {
    @Test
    void theGuardThreadUnsharesThePidNamespaceAndItsChildIsPidOneFreeToSignalItsOwn() throws IOException {
        assumeTrue(Native.libc().geteuid() == 0, "the guard is for a root context");
        HostSnapshot before = HostSnapshot.take();
        Set<HostNamespace> shared = EnumSet.complementOf(EnumSet.of(HostNamespace.UTS, HostNamespace.PID));
        try (ContextThread context = new ContextThread(Flags.CLONE_NEWUTS)) {
            int[] pipe = Fds.pipe();
            int pid;
            try {
                pid = context.call(() -> GuardedSpawn.spawn(GuardPolicy.forShared(shared), () -> {
                    Syscalls.unshare(Flags.CLONE_NEWPID, null);
                    return Spawn.spawn(List.of("/bin/sh", "-c", "echo pid=$$; kill -0 1; echo init=$?"), GuardedRun.ENV,
                            new int[] {pipe[1], pipe[1], pipe[1]}, true);
                }));
            } finally {
                Fds.close(pipe[1]);
            }
            String out;
            try (var in = Fds.in(pipe[0])) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertEquals(0, Fds.waitFor(pid));
            assertTrue(out.contains("pid=1\n") && out.contains("init=0\n"), out);
            // The context's thread never left the host's PID namespace for children: it can still start threads.
            assertTrue(context.call(() -> {
                Thread t = new Thread(() -> {});
                t.start();
                t.join();
                return true;
            }));
        }
        assertEquals(before, HostSnapshot.take());
    }
}
