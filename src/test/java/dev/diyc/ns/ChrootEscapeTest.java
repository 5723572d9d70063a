package dev.diyc.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.sys.Call;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import dev.diyc.testing.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classic chroot escape, made by a thread of this JVM that chrooted into a temporary jail. */
class ChrootEscapeTest {
    @TempDir
    Path tmp;

    private Path jail;
    private NsThread thread;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> said = new ArrayList<>();
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void jailAThread() throws IOException {
        Root.require();
        jail = Files.createDirectories(tmp.toRealPath().resolve("jail/bin"));
        jail = jail.getParent();
        // Classes load lazily from target/classes, which a jailed thread cannot reach: load the
        // failure path's classes now (diyc's jar is open already; Native.warmUp does the rest there).
        assertThrows(SyscallException.class, () -> Syscalls.chroot(tmp.resolve("absent").toString(), null));
        thread = new NsThread("escape-test", jail, recorder);
        thread.call(() -> {
            Syscalls.chroot(jail.toString(), null);
            Syscalls.chdir("/", null);
            return null;
        });
        recorder.listen(c -> calls.add(c.line())); // from here on: the jail's own calls are not the escape's
    }

    @AfterEach
    void end() {
        thread.close();
    }

    private boolean rootIs(Path dir) throws IOException {
        return Files.isSameFile(thread.procDir().resolve("root"), dir);
    }

    @Test
    void climbsFromTheJailToTheRealRoot() throws IOException {
        assertTrue(rootIs(jail), "the thread starts in the jail");
        ChrootEscape.Result r = ChrootEscape.climbOut(thread, "bin", said::add);

        assertTrue(rootIs(Path.of("/")), "the thread's root is the host's / again");
        // One chdir("..") per directory on the jail's path, and one more that finds / above /.
        int climbs = jail.getNameCount() + 1;
        assertEquals(climbs, r.climbs());
        assertEquals("/", r.top());
        List<String> expected = new ArrayList<>();
        expected.add("chroot(\"bin\") = 0");
        expected.addAll(Collections.nCopies(climbs, "chdir(\"..\") = 0"));
        expected.add("chroot(\".\") = 0");
        assertEquals(expected, calls);
        assertTrue(said.get(0).contains("root is now " + jail.resolve("bin")), said.get(0));
        assertTrue(said.contains("now at " + jail.getParent()), said.toString());
        assertTrue(said.get(said.size() - 1).startsWith("still at /:"), said.toString());
    }

    @Test
    void aChrootOntoTheWorkingDirectoryLeavesNothingToClimb() throws IOException {
        ChrootEscape.Result r = ChrootEscape.climbOut(thread, ".", said::add);

        assertEquals(1, r.climbs(), "'..' of the root is the root: the first step goes nowhere");
        assertTrue(rootIs(jail), "still in the jail");
        assertTrue(said.get(0).contains("that is also its working directory"), said.get(0));
    }

    @Test
    void aMissingDirectoryFailsBeforeAnythingMoves() throws IOException {
        SyscallException e = assertThrows(SyscallException.class, () -> ChrootEscape.climbOut(thread, "nowhere", said::add));

        Call failed = e.call();
        assertEquals("chroot(\"nowhere\") = -1 ENOENT (No such file or directory)", failed.line());
        assertTrue(rootIs(jail), "the thread is still in the jail");
    }
}
