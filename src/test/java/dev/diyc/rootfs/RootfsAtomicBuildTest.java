package dev.diyc.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds are all or nothing: a failed build leaves no half image, a rebuild replaces the old one. */
class RootfsAtomicBuildTest {

    @TempDir Path dir;

    @BeforeAll
    static void asRoot() {
        TestSupport.requireRoot();
    }

    @AfterEach
    void cleanUp() throws IOException {
        TestSupport.cleanUp(dir);
    }

    @Test
    void aRebuildReplacesTheOldImage() throws IOException {
        Path target = dir.resolve("image");
        Rootfs.buildFromHost(target, null);
        Files.writeString(target.resolve("from-the-old-image"), "x");
        Rootfs.buildFromHost(target, null);
        assertTrue(Rootfs.isImage(target));
        assertFalse(Files.exists(target.resolve("from-the-old-image")));
        assertEquals(TestSupport.imageAndLock(target), TestSupport.namesBeside(target));
    }

    @Test
    void aFailedRebuildKeepsTheOldImageAndLeavesNoStaging() throws IOException {
        Path target = dir.resolve("image");
        Rootfs.buildFromHost(target, null);
        Path notARootfs = RootfsImportTest.tarballOf(dir, "etc/motd"); // fails after unpacking
        assertThrows(RootfsException.class, () -> Rootfs.importTarball(notARootfs, target, null));
        assertTrue(Rootfs.isImage(target));
        assertTrue(Files.isDirectory(target.resolve("usr/bin")), "the old image is still whole");
        assertTrue(TestSupport.namesBeside(target).stream().noneMatch(name -> name.contains(".building-")));
    }

    @Test
    void leftoversOfAKilledBuildAreDeletedByTheNextBuild() throws IOException {
        Path target = dir.resolve("image");
        Path killed = Files.createDirectories(dir.resolve(".image.building-123/usr/bin"));
        Files.createSymbolicLink(killed.resolve("sh"), Path.of("/bin/busybox")); // not followed
        Rootfs.buildFromHost(target, null);
        assertEquals(TestSupport.imageAndLock(target), TestSupport.namesBeside(target));
    }

    @Test
    void aDirectoryThatIsNotAnImageIsNeverReplaced() throws IOException {
        Path target = Files.createDirectories(dir.resolve("homework"));
        Files.writeString(target.resolve("precious.txt"), "mine");
        RootfsException e = assertThrows(RootfsException.class, () -> Rootfs.buildFromHost(target, null));
        assertTrue(e.getMessage().contains("not a diyc image"), e.getMessage());
        assertEquals("mine", Files.readString(target.resolve("precious.txt")));
    }

    @Test
    void anEmptyDirectoryBecomesAnImage() throws IOException {
        Path target = Files.createDirectories(dir.resolve("empty"));
        Rootfs.buildFromHost(target, null);
        assertTrue(Rootfs.isImage(target));
    }
}
