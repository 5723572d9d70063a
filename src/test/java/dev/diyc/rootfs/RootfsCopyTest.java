package dev.diyc.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying an image into a session's playground keeps everything: links, modes, owners, devices. */
class RootfsCopyTest {

    @TempDir static Path dir;
    static Path image;

    @BeforeAll
    static void build() throws IOException {
        TestSupport.requireRoot();
        image = dir.resolve("image");
        Rootfs.buildFromHost(image, null);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        TestSupport.cleanUp(dir);
    }

    @Test
    void theCopyIsTheSameTree() throws IOException {
        Path playground = dir.resolve("sessions/1/rootfs");
        long start = System.nanoTime();
        Rootfs.copy(image, playground);
        System.out.printf("[copy] %s in %d ms%n", DiskUsage.of(playground), (System.nanoTime() - start) / 1_000_000);
        assertEquals(describe(image), describe(playground));
        assertTrue(TestSupport.isCharacterDevice(playground.resolve("dev/null")));
        assertEquals(01777, TestSupport.mode(playground.resolve("tmp")));
        assertEquals("ok", TestSupport.chrootOk(playground, "/bin/sh", "-c", "echo ok").strip());
    }

    @Test
    void copiesIntoAnEmptyDirectory() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Rootfs.copy(image, empty);
        assertTrue(Rootfs.isImage(empty));
    }

    @Test
    void refusesATargetThatIsNotEmpty() throws IOException {
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("notes"), "mine");
        RootfsException e = assertThrows(RootfsException.class, () -> Rootfs.copy(image, used));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }

    @Test
    void refusesToCopySomethingThatIsNotAnImage() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        RootfsException e = assertThrows(RootfsException.class, () -> Rootfs.copy(plain, dir.resolve("out")));
        assertTrue(e.getMessage().contains("not a diyc image"), e.getMessage());
    }

    /** Every entry with its type, mode, owner, device number and link target. */
    private static List<String> describe(Path tree) throws IOException {
        List<String> entries = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(tree).sorted()) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,gid,rdev,size", LinkOption.NOFOLLOW_LINKS);
                String link = Files.isSymbolicLink(path) ? " -> " + Files.readSymbolicLink(path) : "";
                long size = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? 0 : (Long) unix.get("size");
                entries.add(
                        String.format(
                                "/%s %o %s:%s rdev=%s size=%d%s",
                                tree.relativize(path), unix.get("mode"), unix.get("uid"), unix.get("gid"), unix.get("rdev"), size, link));
            }
        }
        return entries;
    }
}
