package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The probe kinds, how a file's probe parses, and that lessons/FORMAT.md lists exactly the kinds diyc knows. */
class ProbeKindTest {
    /** A row of the probe table: {@code | `ns:TYPE` | ...}, the kind and whether a colon follows it. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z-]+)(:[^`]*)?` \\|");

    @Test
    void formatMdListsExactlyTheKindsAndWhetherEachTakesAnArgument() throws IOException {
        Map<String, Boolean> documented = new TreeMap<>();
        List<String> lines = Files.readAllLines(Path.of("lessons/FORMAT.md"));
        int header = lines.indexOf("| probe | value |");
        assertTrue(header >= 0, "FORMAT.md has a probe table headed '| probe | value |'");
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            assertTrue(m.find(), "a probe row reads | `kind` | or | `kind:ARG` |: " + line);
            documented.put(m.group(1), m.group(2) != null);
        }
        Map<String, Boolean> known = new TreeMap<>();
        Arrays.stream(ProbeKind.values()).forEach(k -> known.put(k.fileName(), k.takesArgument()));
        assertEquals(known, documented);
    }

    @Test
    void parsesWhatTheShippedLessonsWrite() {
        assertEquals(new ProbeSpec(ProbeKind.HOSTNAME, ""), ProbeSpec.parse("hostname"));
        assertEquals(new ProbeSpec(ProbeKind.NS, "uts"), ProbeSpec.parse("ns:uts"));
        assertEquals(new ProbeSpec(ProbeKind.MOUNT_COUNT, ""), ProbeSpec.parse("mount-count"));
        assertEquals(new ProbeSpec(ProbeKind.RUN, "ls /proc/$$/ns"), ProbeSpec.parse("run:ls /proc/$$/ns"));
        assertEquals(new ProbeSpec(ProbeKind.RUN, "a:b"), ProbeSpec.parse("run:a:b"), "only the first colon ends the kind");
        assertEquals(new ProbeSpec(ProbeKind.CGROUP, "box/pids.max"), ProbeSpec.parse("cgroup:box/pids.max"));
        assertEquals(new ProbeSpec(ProbeKind.LS, "/"), ProbeSpec.parse("ls:/"));
    }

    @Test
    void printsAsTheFileWroteIt() {
        for (String probe : List.of("hostname", "ns:uts", "mount-count", "run:echo a:b", "cgroup:box", "ping:10.200.8.1")) {
            assertEquals(probe, ProbeSpec.parse(probe).toString());
        }
    }

    @Test
    void refusesWhatNoKindReadsInOneLine() {
        assertReason("nope", "unknown probe 'nope' (see lessons/FORMAT.md)");
        assertReason("nope:x", "unknown probe 'nope:x'");
        assertReason("hostname:x", "probe 'hostname:x': hostname takes nothing after its name");
        assertReason("hostname:", "probe 'hostname:': hostname takes nothing after its name");
        assertReason("ns", "probe 'ns': ns takes a namespace type after the colon: cgroup ipc mnt");
        assertReason("ns:foo", "probe 'ns:foo': ns takes a namespace type");
        assertReason("namespaces:", "probe 'namespaces:': namespaces takes a namespace type");
        assertReason("ls", "probe 'ls': ls needs something after the colon");
        assertReason("run:", "probe 'run:': run needs something after the colon");
        assertReason("cgroup", "probe 'cgroup': cgroup takes a cgroup NAME or NAME/FILE");
        assertReason("cgroup:../etc", "probe 'cgroup:../etc': cgroup takes a cgroup NAME or NAME/FILE");
        assertReason("cgroup:box/PIDS", "probe 'cgroup:box/PIDS'");
    }

    private static void assertReason(String probe, String start) {
        var e = assertThrows(IllegalArgumentException.class, () -> ProbeSpec.parse(probe));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
