package dev.diyc.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.CastFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsciiCastTest {
    @TempDir
    Path dir;

    @Test
    void aColouredSessionIsAHeaderAndOutputEventsInOrder() throws IOException {
        Path file = dir.resolve("s.cast");
        Console console = new Console(new PrintWriter(new StringWriter()), true, () -> 80);
        try (AsciiCast cast = AsciiCast.create(file, 100, 30, "xterm-256color")) {
            console.tap(cast);
            console.typed("ctr> ", "ctr hostname \"x\\y\"", false);
            console.call("sethostname(\"box\", 3) = 0", false, null, null);
            console.out("tab\there\n");
        }
        CastFile cast = CastFile.read(file);
        assertEquals(100L, cast.header().get("width"));
        assertEquals(30L, cast.header().get("height"));
        assertTrue(((Long) cast.header().get("timestamp")) > 1_600_000_000L, cast.header().toString());
        assertEquals("ctr> ctr hostname \"x\\y\"\r\n\033[36msethostname(\"box\", 3) = 0\033[0m\r\ntab\there\r\n", cast.text());
    }

    @Test
    void mutedOutputIsNotRecorded() throws IOException {
        Path file = dir.resolve("m.cast");
        Console console = new Console(new PrintWriter(new StringWriter()), false, () -> 80);
        try (AsciiCast cast = AsciiCast.create(file, 80, 24, null)) {
            console.tap(cast);
            console.muted(() -> console.plain("replayed quietly"));
            console.plain("seen");
        }
        String all = Files.readString(file);
        assertTrue(all.contains("seen") && !all.contains("replayed quietly"), all);
    }
}
