package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import dev.diyc.rootfs.BusyboxFixture;
import dev.diyc.rootfs.Rootfs;
import dev.diyc.rootfs.BusyboxFixture;
import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every lesson, end to end through scripted mode: each command as the lesson says, each check passing. */
class LessonsIT {
    static Stream<Lesson> lessons() throws IOException {
        return LessonLoader.loadAll(Path.of(System.getProperty("diyc.home", ".")).resolve("lessons")).lessons().stream();
    }

    @ParameterizedTest(name = "lesson {0}")
    @MethodSource("lessons")
    void runsWithEveryCheckPassing(Lesson lesson) {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script("lesson run " + lesson.number() + "\n");
        String out = r.output();
        assertFalse(out.contains("✗"), "a check or command failed:\n" + out);
        assertEquals(0, r.exitCode(), out);
        long passed = out.lines().filter(l -> l.startsWith("✓ ")).count();
        long checks = lesson.steps().stream().mapToLong(s -> s.checks().size()).sum();
        assertEquals(checks, passed, "every check ran and passed:\n" + out);
        HostState.assertUnchanged(before, out);
    }

    @Test
    void allLessonsInOneSession() {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script("lesson run all\n");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("✓ all "), r.output());
        HostState.assertUnchanged(before, r.output());
    }

    /**
     * The Vagrant VM installs busybox-static, so there the default image is busybox: every lesson must
     * pass with it as well as with the host-binaries image the suite uses otherwise.
     */
    @Test
    void allLessonsPassWithABusyboxImage(@TempDir Path home) throws IOException {
        Root.require();
        HostState before = HostState.now();
        Path real = Path.of(System.getProperty("diyc.home", ".")).toAbsolutePath();
        Files.createSymbolicLink(home.resolve("lessons"), real.resolve("lessons"));
        Rootfs.buildFromBusybox(BusyboxFixture.staticBusybox(),
                Rootfs.defaultImage(home), line -> {});
        Diyc.Run r = Diyc.script(home, "ctr ls -l rootfs/bin/sh\nlesson run all\n");
        assertTrue(r.output().contains("busybox"), "the image is busybox's:\n" + r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("✓ all "), r.output());
        HostState.assertUnchanged(before, r.output());
    }

    @Test
    void aFailedCheckPrintsWhatItExpectedAndWhatItSaw(@TempDir Path home) throws IOException {
        Root.require();
        HostState before = HostState.now();
        Path real = Path.of(System.getProperty("diyc.home", ".")).toAbsolutePath();
        Files.createDirectories(home.resolve("lessons"));
        Files.createSymbolicLink(home.resolve("rootfs-images"), real.resolve("rootfs-images"));
        Files.writeString(home.resolve("lessons/09-wrong.yaml"), """
                lesson: 9
                id: wrong
                title: A lesson whose check cannot pass
                intro: The container is renamed, but the check wants another name.
                steps:
                  - title: Rename
                    text: Rename the container.
                    commands: [ctr unshare --uts, ctr hostname actual-name]
                    checks:
                      - say: the container is called wanted-name
                        probe: hostname
                        equals: wanted-name
                    hint: There is nothing to find.
                """);
        Diyc.Run r = Diyc.script(home, "lesson run 9\n");
        assertEquals(1, r.exitCode(), r.output());
        String out = r.output();
        int failed = out.indexOf("✗ the container is called wanted-name\n");
        assertTrue(failed >= 0, out);
        List<String> report = out.substring(failed).lines().limit(4).toList();
        assertTrue(report.get(1).matches("\\s*expected\\s+│ seen"), out);
        assertTrue(report.get(3).matches("≠ wanted-name\\s+│ ≠ actual-name"), out);
        HostState.assertUnchanged(before, r.output());
    }
}
