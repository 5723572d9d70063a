package dev.diyc.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.lesson.LessonFormatException;
import dev.diyc.lesson.LessonLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which lessons a missing piece stops: the table for lessons 0-12, and needs: words for lessons to come. */
class DoctorLessonsTest {
    private static final ImageSources BUSYBOX = new ImageSources(Optional.of(Path.of("/bin/busybox")), Optional.empty());

    @TempDir
    Path dir;

    private Report checkup(FakeMachine fake) throws IOException {
        LessonLoader.Loaded loaded = LessonLoader.loadAll(Path.of("lessons"));
        return Checkup.run(fake.machine(), BUSYBOX, loaded.lessons(), loaded.problems());
    }

    private static List<Integer> notReady(Report r) {
        return r.lessons().stream().filter(l -> !l.ready()).map(LessonRow::number).toList();
    }

    @Test
    void aFreshUbuntuRoomIsReady() throws IOException {
        Report r = checkup(new FakeMachine(dir));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), r.lessons().stream().map(LessonRow::number).toList());
        assertTrue(r.allReady(), notReady(r).toString());
    }

    @Test
    void eachMissingPieceStopsTheLessonsThatNeedIt() throws IOException {
        FakeMachine fake = new FakeMachine(dir);
        fake.write("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "1\n");
        assertEquals(List.of(6), notReady(checkup(fake)));
        fake.write("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "0\n").remove("/usr/sbin/nft");
        assertEquals(List.of(8), notReady(checkup(fake)));
        fake.program("/usr/sbin/nft").cgroupV2("cpu memory pids", "cpu");
        assertEquals(List.of(10, 11, 12), notReady(checkup(fake)));
        fake.cgroupV2("cpu memory pids", "memory pids").remove("/usr/bin/unshare");
        assertEquals(List.of(6, 11, 12, 16), notReady(checkup(fake)));
        fake.program("/usr/bin/unshare").write("/proc/filesystems", "nodev\tproc\n");
        assertEquals(List.of(12, 15), notReady(checkup(fake)), "run's root and lesson 15 are overlays");
        fake.write("/proc/filesystems", "nodev\toverlay\n").remove("/proc/self/ns/time");
        assertEquals(List.of(16), notReady(checkup(fake)));
    }

    @Test
    void withoutRootOnlyLesson6Runs() throws IOException {
        FakeMachine fake = new FakeMachine(dir).uid(1000);
        Report r = checkup(fake);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), notReady(r));
        assertEquals(List.of(Piece.ROOT), r.lessons().get(0).missing().stream().map(Finding::piece).toList());
    }

    @Test
    void theTableNamesWhatLessons0To12Use() throws IOException {
        Report r = checkup(new FakeMachine(dir));
        assertEquals(List.of(6, 11, 12, 16), r.lessonsNeeding(Piece.UTIL_LINUX));
        assertEquals(List.of(8), r.lessonsNeeding(Piece.NAT));
        assertEquals(List.of(10, 11, 12), r.lessonsNeeding(Piece.CGROUP_LIMITS));
        assertEquals(List.of(7, 8, 12), r.lessonsNeeding(Piece.SESSION_SLOT));
        assertEquals(List.of(6), r.lessonsNeeding(Piece.USER_NAMESPACES));
        assertEquals(17, r.lessonsNeeding(Piece.ROOTFS).size());
        assertEquals(List.of(14), r.lessonsNeeding(Piece.SECCOMP), "lesson 14 names seccomp in its needs");
        assertEquals(List.of(12, 15), r.lessonsNeeding(Piece.OVERLAYFS), "run's root and lesson 15");
        assertEquals(List.of(16), r.lessonsNeeding(Piece.TIME_NAMESPACE));
    }

    @Test
    void aNewLessonNamesItsNeedsInItsFile() throws IOException {
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.writeString(lessons.resolve("15-overlay.yaml"), lesson(15, "overlay", "[root, overlayfs]"));
        Files.writeString(lessons.resolve("16-time.yaml"), lesson(16, "time", "root time-namespace, frobnicate"));
        FakeMachine fake = new FakeMachine(dir.resolve("m"));
        fake.write("/proc/filesystems", "nodev\tproc\n");
        LessonLoader.Loaded loaded = LessonLoader.loadAll(lessons);
        Report r = Checkup.run(fake.machine(), BUSYBOX, loaded.lessons(), loaded.problems());
        LessonRow overlay = r.lessons().get(0);
        assertEquals(Set.of(Piece.ROOT, Piece.ROOTFS, Piece.DISK_SPACE, Piece.OVERLAYFS), overlay.needs());
        assertEquals("sudo modprobe overlay", overlay.missing().get(0).fix());
        LessonRow time = r.lessons().get(1);
        assertTrue(time.needs().contains(Piece.TIME_NAMESPACE));
        assertEquals(List.of("frobnicate"), time.unknownNeeds(), "a word doctor does not know is not silently ignored");
        assertFalse(time.ready());
    }

    @Test
    void needsTakesOnePrivilegeWord() throws IOException {
        Path f = dir.resolve("17-x.yaml");
        Files.writeString(f, lesson(17, "x", "[user-namespaces, seccomp]"));
        assertEquals(List.of("user-namespaces", "seccomp"), LessonLoader.load(f).needWords());
        assertFalse(LessonLoader.load(f).needsRoot());
        Files.writeString(f, lesson(17, "x", "overlayfs"));
        assertEquals(List.of("root", "overlayfs"), LessonLoader.load(f).needWords(), "root is the default");
        Files.writeString(f, lesson(17, "x", "[root, user-namespaces]"));
        try {
            LessonLoader.load(f);
            throw new AssertionError("root and user-namespaces together must be refused");
        } catch (LessonFormatException e) {
            assertTrue(e.getMessage().contains("not both"), e.getMessage());
        }
    }

    private static String lesson(int n, String id, String needs) {
        return "lesson: " + n + "\nid: " + id + "\ntitle: t\nneeds: " + needs + "\nintro: i\nsteps:\n"
                + "  - title: s\n    text: t\n    hint: h\n";
    }
}
