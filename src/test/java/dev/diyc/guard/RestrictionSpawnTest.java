package dev.diyc.guard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.sys.Capabilities;
import dev.diyc.sys.Errno;
import dev.diyc.sys.Restrict;
import dev.diyc.testing.Root;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * capsh --drop and seccomp --deny as lessons 13 and 14 use them: the program started lacks the
 * capabilities and runs under the filter, and the context's thread that started it keeps everything.
 */
class RestrictionSpawnTest {
    private static final long DROPPED = Capabilities.bit(Capabilities.CAP_SYS_ADMIN) | Capabilities.bit(Capabilities.CAP_NET_ADMIN);

    private static long hex(String statusLine) {
        return Long.parseUnsignedLong(statusLine.substring(statusLine.indexOf(':') + 1).strip(), 16);
    }

    @Test
    void theProgramLacksWhatTheContextsThreadKeeps() throws Exception {
        Root.require();
        Restriction r = Restriction.dropping(DROPPED)
                .and(Restriction.filtering(DenyList.of(List.of("mkdir", "mkdirat"), Errno.EPERM, AuditArch.current())));
        Path dir = Files.createTempDirectory("diyc-restriction");
        try (ContextThread context = new ContextThread(0)) {
            long[] before = context.call(Restrict::capget);
            GuardedRun run = GuardedRun.of(context, r,
                    "grep -E '^(CapBnd|CapEff|Seccomp|Seccomp_filters):' /proc/self/status; id -u; mkdir " + dir + "/inside; echo mkdir=$?");
            assertEquals(0, hex(run.line("CapBnd:")) & DROPPED, run.output());
            assertEquals(0, hex(run.line("CapEff:")) & DROPPED, run.output());
            assertEquals("Seccomp:\t2", run.line("Seccomp:"));
            assertEquals("Seccomp_filters:\t1", run.line("Seccomp_filters:"));
            assertTrue(run.output().contains("\n0\n"), "still uid 0:\n" + run.output());
            assertTrue(run.output().contains("mkdir=1") && !Files.exists(dir.resolve("inside")), run.output());

            assertArrayEquals(before, context.call(Restrict::capget), "the context's thread keeps every capability");
            String own = context.call(() -> Files.readString(Path.of("/proc/thread-self/status")));
            assertTrue(own.contains("Seccomp:\t0"), own);
            assertEquals(DROPPED, hex(own.lines().filter(l -> l.startsWith("CapBnd:")).findFirst().orElseThrow()) & DROPPED);
            context.call(() -> Files.createDirectory(dir.resolve("outside")));
            assertTrue(Files.isDirectory(dir.resolve("outside")), "the context's thread makes directories as before");
        } finally {
            Files.deleteIfExists(dir.resolve("outside"));
            Files.delete(dir);
        }
    }
}
