package dev.diyc.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
    @TempDir
    Path tmp;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aMissingFileIsAFirstStart() {
        Progress p = new ProgressStore(StateDir.of(Map.of("XDG_STATE_HOME", tmp.toString()))).load(warnings::add);
        assertTrue(p.isFresh());
        assertEquals(-1, p.lesson());
        assertEquals(List.of(), warnings);
    }

    @Test
    void savesAHumanReadableFileAndReadsItBack() throws IOException {
        ProgressStore store = new ProgressStore(StateDir.of(Map.of("XDG_STATE_HOME", tmp.toString())));
        Progress p = Progress.fresh();
        p.moveTo(3, 2);
        p.pass(2, 1);
        p.pass(2, 2);
        p.pass(3, 1);
        store.save(p, warnings::add);
        assertEquals(tmp.resolve("diyc/progress"), store.file());
        String text = Files.readString(store.file());
        assertTrue(text.contains("current: 3.2\n"), text);
        assertTrue(text.contains("passed: 2.1 2.2 3.1\n"), text);
        Progress back = store.load(warnings::add);
        assertFalse(back.isFresh());
        assertEquals(3, back.lesson());
        assertEquals(2, back.step());
        assertTrue(back.passed(2, 2));
        assertFalse(back.passed(3, 2));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aCorruptFileIsSetAsideWithOneLineNeverFatal() throws IOException {
        ProgressStore store = new ProgressStore(StateDir.of(Map.of("XDG_STATE_HOME", tmp.toString())));
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "current: three\n");
        Progress p = store.load(warnings::add);
        assertEquals(-1, p.lesson());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("could not be read (line 1: 'three' is not LESSON.STEP)"), warnings.get(0));
        assertFalse(Files.exists(store.file()));
        try (var aside = Files.list(store.file().getParent())) {
            assertEquals(1, aside.filter(f -> f.getFileName().toString().startsWith("progress.unreadable-")).count());
        }
    }

    @Test
    void underSudoTheFilesBelongToTheLearner() throws IOException {
        Root.require();
        // nobody (65534) stands in for the learner who typed sudo ./diyc.
        StateDir state = StateDir.of(Map.of("XDG_STATE_HOME", tmp.resolve("state").toString(),
                "SUDO_USER", "nobody", "SUDO_UID", "65534", "SUDO_GID", "65534"));
        ProgressStore store = new ProgressStore(state);
        Progress p = Progress.fresh();
        p.moveTo(2, 1);
        store.save(p, warnings::add);
        assertEquals(List.of(), warnings);
        for (Path f : List.of(tmp.resolve("state"), tmp.resolve("state/diyc"), store.file())) {
            assertEquals(65534, Files.getAttribute(f, "unix:uid"), f.toString());
            assertEquals(65534, Files.getAttribute(f, "unix:gid"), f.toString());
        }
    }

    @Test
    void underSudoTheStateIsInTheLearnersHomeNotRoots() {
        StateDir state = StateDir.of(Map.of("HOME", "/root", "SUDO_USER", "root-is-not-me", "SUDO_UID", "1000"));
        // An unknown user: no home in /etc/passwd, so the caller's home is used rather than failing.
        assertTrue(state.dir().endsWith(".local/state/diyc"), state.dir().toString());
        StateDir nobody = StateDir.of(Map.of("HOME", "/root", "SUDO_USER", "nobody", "SUDO_UID", "65534"));
        assertEquals(Path.of(StateDir.homeOf("nobody"), ".local/state/diyc"), nobody.dir());
        assertEquals(65534, nobody.uid());
        StateDir plain = StateDir.of(Map.of("HOME", "/home/ada"));
        assertEquals(Path.of("/home/ada/.local/state/diyc"), plain.dir());
        assertEquals(-1, plain.uid());
    }
}
