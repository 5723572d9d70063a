package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.CastFile;
import dev.diyc.testing.Root;
import dev.diyc.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --record and transcript save, on a colour terminal, so escape codes are there to be kept out of the handout. */
class RecordingIT {
    private static final Pattern SYSCALL = Pattern.compile("^[a-z_0-9]+\\(.*\\) = -?\\w+.*$");
    private static final Pattern ESCAPE = Pattern.compile("\033\\[[0-9;]*m");

    @TempDir
    Path dir;

    private HostState before;

    @BeforeEach
    void root() {
        Root.require();
        before = HostState.now();
    }

    @Test
    void theCastReplaysTheSessionAndTheTranscriptHoldsEverySyscallWithoutEscapeCodes() throws Exception {
        Path cast = dir.resolve("session.cast"), md = dir.resolve("handout.md"), script = dir.resolve("lines.txt");
        Files.writeString(script, String.join("\n", "lesson goto 2", "step", "next", "step", "ctr hostname container-two", "ctr unshare --mount --ipc",
                "compare hostname", "transcript save " + md, "quit") + "\n");
        List<String> cmd = Diyc.command("--record", cast.toString(), "--script", script.toString()).command();
        try (Tmux t = Tmux.start(100, 40, Map.of("XDG_STATE_HOME", dir.resolve("state").toString(), "COLUMNS", "100"), cmd)) {
            t.awaitExit(60_000);
        }
        HostState.assertUnchanged(before, "after the recorded session");

        CastFile recording = CastFile.read(cast);
        assertEquals(100L, recording.header().get("width"), recording.header().toString());
        assertTrue(recording.header().containsKey("height") && recording.header().containsKey("timestamp"), recording.header().toString());
        String screen = recording.text();
        assertTrue(ESCAPE.matcher(screen).find(), "a terminal gets colour, so the recording has escape codes");
        String plain = ESCAPE.matcher(screen).replaceAll("");
        assertTrue(plain.contains("unshare(CLONE_NEWUTS) = 0\r\n"), plain);
        assertTrue(plain.contains("sethostname(\"container-two\", 13) = 0\r\n"), plain);

        String handout = Files.readString(md);
        assertFalse(handout.contains("\033"), "no escape code in the handout:\n" + handout);
        List<String> calls = new ArrayList<>();
        for (String line : plain.substring(0, plain.indexOf("transcript save")).split("\r\n")) {
            if (SYSCALL.matcher(line).matches()) {
                calls.add(line);
            }
        }
        assertTrue(calls.size() >= 3, "the session made syscalls: " + calls);
        for (String call : calls) {
            assertTrue(handout.contains("\n" + call + "\n"), "the handout holds " + call + ":\n" + handout);
        }
        assertTrue(handout.contains("**`` ctr[") || handout.contains("**`` ctr> "), handout);
        assertTrue(handout.contains("- ✓ "), "the checks are in the handout:\n" + handout);
        assertTrue(handout.contains("│"), "compare's two columns are in the handout as text:\n" + handout);
    }
}
