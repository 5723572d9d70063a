package dev.diyc.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diyc.sys.Recorder;
import dev.diyc.sys.Syscalls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sessions in one JVM: each context thread records into its own session's recorder, whoever
 * asks it for work, and a quiet scope follows the work onto the thread. (chdir needs no privilege.)
 */
class NsThreadRecordingTest {
    @TempDir
    Path dir;

    private static List<String> collect(Recorder r) {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        r.listen(c -> seen.add(c.line()));
        return seen;
    }

    private static void chdir(NsThread t, Path to) {
        t.call(() -> {
            Syscalls.chdir(to.toString(), null);
            return null;
        });
    }

    @Test
    void eachThreadRecordsIntoItsOwnSession() {
        Recorder one = new Recorder();
        Recorder two = new Recorder();
        List<String> seenOne = collect(one);
        List<String> seenTwo = collect(two);
        try (NsThread a = new NsThread("test-one", dir, one); NsThread b = new NsThread("test-two", dir, two)) {
            chdir(a, Path.of("/"));
            chdir(b, dir);
        }
        assertEquals(List.of("chdir(\"/\") = 0"), seenOne, "setting the thread up is not shown; its own call is");
        assertEquals(List.of("chdir(\"" + dir + "\") = 0"), seenTwo);
    }

    @Test
    void aQuietCallerGetsItsWorkDoneQuietly() {
        Recorder r = new Recorder();
        List<String> seen = collect(r);
        try (NsThread t = new NsThread("test-quiet", dir, r)) {
            r.quietly(() -> chdir(t, Path.of("/")));
            chdir(t, dir);
        }
        assertEquals(List.of("chdir(\"" + dir + "\") = 0"), seen);
    }
}
