package dev.diyc.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The table at 60 and 80 columns, commands that stay pasteable when broken, and the JSON's shape. */
class DoctorLayoutTest {
    private static final String APPARMOR = "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0";
    private static final String SUBTREE = "echo '+memory +pids' | sudo tee /sys/fs/cgroup/cgroup.subtree_control";

    private static Report report() {
        Finding userns = Finding.missing(Piece.USER_NAMESPACES, "forbidden by kernel.apparmor_restrict_unprivileged_userns = 1", APPARMOR);
        Finding cgroups = Finding.missing(Piece.CGROUP_LIMITS, "pure v2 at /sys/fs/cgroup; memory not enabled for child cgroups, pids not enabled for child cgroups", SUBTREE)
                .with(Map.of("version", "v2"));
        Finding root = Finding.ok(Piece.ROOT, "running as root");
        return new Report("6.8.0-45-generic", List.of(root, userns, cgroups), List.of(
                new LessonRow(0, "not-real", "00-not-real.yaml", Set.of(Piece.ROOT), List.of(), List.of()),
                new LessonRow(6, "userns", "06-userns.yaml", Set.of(Piece.USER_NAMESPACES), List.of(userns), List.of()),
                new LessonRow(10, "cgroups", "10-cgroups.yaml", Set.of(Piece.ROOT, Piece.CGROUP_LIMITS), List.of(cgroups), List.of()),
                new LessonRow(12, "together", "12-together.yaml", Set.of(Piece.ROOT, Piece.CGROUP_LIMITS), List.of(cgroups), List.of("frobnicate"))),
                List.of());
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80})
    void fitsTheWidthAndKeepsCommandsWhole(int width) {
        String text = TextReport.of(report(), width, false);
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= width, "wider than " + width + ": " + line);
        }
        assertFalse(text.contains("\033"), "plain text has no escape codes");
        String joined = text.replaceAll(" \\\\\n *", " ").replaceAll("\n +", "\n");
        assertTrue(joined.contains("\n" + APPARMOR + "\n"), "the sysctl can be pasted whole:\n" + text);
        assertTrue(joined.contains("\n" + SUBTREE + "\n"), "the echo can be pasted whole:\n" + text);
        String prose = text.replaceAll("\\s+", " "); // wrapped differently at each width
        assertTrue(prose.contains("cgroup memory and pids controllers: the fix under lesson 10"), text);
        assertTrue(prose.contains("needs: frobnicate names nothing doctor checks"), text);
        assertTrue(prose.strip().endsWith("then ./diyc doctor again."), text);
    }

    @Test
    void atEightyTheRowsLookLikeThis() {
        String text = TextReport.of(report(), 80, false);
        assertTrue(text.contains("""
                  #  lesson    ready
                  0  not-real  yes
                  6  userns    NO
                     - user namespaces for ordinary users: forbidden by
                       kernel.apparmor_restrict_unprivileged_userns = 1
                         sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0
                 10  cgroups   NO
                """), text);
        assertTrue(text.contains("""
                  ok  root or sudo (lessons 0, 10, 12)
                      running as root
                """), text);
        assertTrue(text.contains("Not ready: lessons 6, 10, 12 cannot run here yet"), text);
    }

    @Test
    void aTerminalGetsColourOnlyOnTheVerdicts() {
        String text = TextReport.of(report(), 80, true);
        assertTrue(text.contains("\033[31mNO\033[0m"), text);
        assertTrue(text.contains("\033[32myes\033[0m"), text);
    }

    @Test
    void jsonCarriesTheSameFacts() {
        String json = JsonReport.of(report());
        assertTrue(json.startsWith("{\n  \"ready\": false,\n  \"kernel\": \"6.8.0-45-generic\",\n  \"lessons\": [\n"), json);
        assertTrue(json.contains("""
                    {
                      "lesson": 6,
                      "id": "userns",
                      "file": "06-userns.yaml",
                      "ready": false,
                      "needs": ["user-namespaces"],
                      "missing": [
                        {
                          "piece": "user-namespaces",
                          "fix": "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"
                        }
                      ],
                      "unknown_needs": []
                    },
                """), json);
        assertTrue(json.contains("""
                      "piece": "cgroup-limits",
                      "label": "cgroup memory and pids controllers",
                      "ok": false,
                """), json);
        assertTrue(json.contains("\"lessons\": [10, 12],\n      \"facts\": {\n        \"version\": \"v2\"\n      }"), json);
        assertTrue(json.contains("\"fix\": \"echo '+memory +pids' | sudo tee /sys/fs/cgroup/cgroup.subtree_control\""), json);
        assertTrue(json.endsWith("\"broken_lesson_files\": []\n}\n"), json);
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("{\n  \"a\": \"q\\\"b\\\\s\\nl\\u0001\"\n}\n", JsonText.of(Map.of("a", "q\"b\\s\nl\u0001")));
        assertEquals("[]\n", JsonText.of(List.of()));
    }

    @Test
    void lessonNumbersAreWrittenAsRanges() {
        assertEquals("lessons 0-5, 7-12", Ranges.of(List.of(0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12), 13));
        assertEquals("every lesson", Ranges.of(List.of(0, 1, 2), 3));
        assertEquals("lessons 6, 11, 12", Ranges.of(List.of(6, 11, 12), 13));
        assertEquals("lesson 8", Ranges.of(List.of(8), 13));
        assertEquals("no lesson yet", Ranges.of(List.of(), 13));
    }
}
