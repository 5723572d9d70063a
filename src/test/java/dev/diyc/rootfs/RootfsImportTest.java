package dev.diyc.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing a root filesystem tarball a learner brings ("a container is just a tarball"). */
class RootfsImportTest {

    @TempDir static Path dir;
    static Path hostImage;

    @BeforeAll
    static void buildAnImageToPack() throws IOException {
        TestSupport.requireRoot();
        hostImage = dir.resolve("host");
        Rootfs.buildFromHost(hostImage, null);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        TestSupport.cleanUp(dir);
    }

    @Test
    void importsAGzippedTarballWhoseShellRuns() throws IOException {
        Path tarball = tar(hostImage, dir.resolve("rootfs.tar.gz"), "-czf");
        Path target = dir.resolve("imported-gz");
        List<String> progress = new ArrayList<>();
        Rootfs.importTarball(tarball, target, progress::add);
        progress.forEach(line -> System.out.println("[import] " + line));
        assertTrue(Rootfs.isImage(target));
        assertEquals("imported", TestSupport.chrootOk(target, "/bin/sh", "-c", "echo imported").strip());
    }

    @Test
    void importsAPlainTarWithoutTheMarker() throws IOException {
        Path unmarked = dir.resolve("unmarked");
        Rootfs.copy(hostImage, unmarked);
        Files.delete(unmarked.resolve(Skeleton.MARKER));
        Path target = dir.resolve("imported-tar");
        Rootfs.importTarball(tar(unmarked, dir.resolve("unmarked.tar"), "-cf"), target, null);
        assertTrue(Rootfs.isImage(target));
    }

    /** Alpine's /bin/sh is a symlink to /bin/busybox: absolute, so it means the image's, not the host's. */
    @Test
    void followsAbsoluteSymlinksInsideTheImage() throws IOException {
        Path alpineLike = dir.resolve("alpine-like");
        Rootfs.copy(hostImage, alpineLike);
        Path shell = ImagePaths.resolve(alpineLike, "/bin/sh").orElseThrow();
        Files.createDirectories(alpineLike.resolve("opt/only-in-the-image"));
        Files.move(shell, alpineLike.resolve("opt/only-in-the-image/sh"));
        Path binSh = ImagePaths.writable(alpineLike, "usr/bin/sh"); // bin -> usr/bin on a merged host
        Files.deleteIfExists(binSh);
        Files.createSymbolicLink(binSh, Path.of("/opt/only-in-the-image/sh"));
        Path target = dir.resolve("imported-alpine-like");
        Rootfs.importTarball(tar(alpineLike, dir.resolve("alpine-like.tar.gz"), "-czf"), target, null);
        assertEquals("ok", TestSupport.chrootOk(target, "/bin/sh", "-c", "echo ok").strip());
    }

    @Test
    void keepsTheTarballsOwnAccountsAndAddsMissingOnes() throws IOException {
        Path own = dir.resolve("own-accounts");
        Rootfs.copy(hostImage, own);
        Files.writeString(own.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh");
        Path target = dir.resolve("imported-accounts");
        Rootfs.importTarball(tar(own, dir.resolve("own.tar.gz"), "-czf"), target, null);
        assertEquals(
                List.of(
                        "root:x:0:0:root:/root:/bin/bash",
                        "alice:x:1000:1000::/home/alice:/bin/sh",
                        "nobody:x:65534:65534:nobody:/nonexistent:/bin/false"),
                Files.readAllLines(target.resolve("etc/passwd")));
    }

    @Test
    void aTarballWithoutBinShIsRejected() throws IOException {
        Path target = dir.resolve("imported-nosh");
        RootfsException e =
                assertThrows(
                        RootfsException.class,
                        () -> Rootfs.importTarball(tarballOf(dir, "etc/motd", "home/alice/notes"), target, null));
        assertTrue(e.getMessage().contains("no /bin/sh"), e.getMessage());
        assertFalse(Files.exists(target));
        assertTrue(TestSupport.namesBeside(target).stream().noneMatch(name -> name.contains(".building-")));
    }

    @Test
    void aTarballWhoseEtcLeadsOutOfTheImageIsRefusedWithoutWritingThere() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("host-etc"));
        Path hostile = dir.resolve("hostile");
        Rootfs.copy(hostImage, hostile);
        TreeDeleter.delete(hostile.resolve("etc"));
        Files.createSymbolicLink(hostile.resolve("etc"), outside.toAbsolutePath());
        Path target = dir.resolve("imported-hostile");
        assertThrows(
                RootfsException.class,
                () -> Rootfs.importTarball(tar(hostile, dir.resolve("hostile.tar"), "-cf"), target, null));
        try (var written = Files.list(outside)) {
            assertEquals(0, written.count(), "nothing was written through the symlink");
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void somethingThatIsNotATarballIsRejectedClearly() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.tar.gz"), "not a tarball");
        RootfsException e =
                assertThrows(RootfsException.class, () -> Rootfs.importTarball(junk, dir.resolve("j"), null));
        assertTrue(e.getMessage().startsWith("tar could not unpack"), e.getMessage());
        RootfsException missing =
                assertThrows(
                        RootfsException.class,
                        () -> Rootfs.importTarball(dir.resolve("no-such.tar.gz"), dir.resolve("m"), null));
        assertTrue(missing.getMessage().startsWith("there is no file"), missing.getMessage());
    }

    /** Packs the contents of {@code tree} with the host's tar, as a learner would. */
    static Path tar(Path tree, Path tarball, String createFlags) throws IOException {
        HostCommand.Result packed =
                HostCommand.run(
                        Duration.ofMinutes(2),
                        HostPrograms.require("tar", "tar"),
                        createFlags,
                        tarball.toString(),
                        "-C",
                        tree.toString(),
                        ".");
        assertEquals(0, packed.exitCode(), packed.output());
        return tarball;
    }

    /** A tarball holding just these (empty) files. */
    static Path tarballOf(Path dir, String... files) throws IOException {
        Path tree = Files.createTempDirectory(dir, "tree");
        for (String file : files) {
            Files.createDirectories(tree.resolve(file).getParent());
            Files.writeString(tree.resolve(file), "");
        }
        return tar(tree, Files.createTempFile(dir, "files", ".tar.gz"), "-czf");
    }
}
