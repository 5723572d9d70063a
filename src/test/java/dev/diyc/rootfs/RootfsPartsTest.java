package dev.diyc.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small parts on their own: ELF reading, ldd output, path lookup inside an image, mountinfo. */
class RootfsPartsTest {

    @TempDir Path dir;

    @AfterEach
    void cleanUp() throws IOException {
        TestSupport.cleanUp(dir);
    }

    @Test
    void aDynamicProgramNamesItsLoader() throws IOException {
        String loader = ElfFile.interpreter(Path.of("/bin/sh")).orElseThrow();
        assertTrue(loader.startsWith("/") && loader.contains("ld"), loader);
    }

    @Test
    void aScriptIsNotAProgram() throws IOException {
        Path script = Files.writeString(dir.resolve("script"), "#!/bin/sh\n");
        assertThrows(RootfsException.class, () -> ElfFile.interpreter(script));
        Path tiny = Files.write(dir.resolve("tiny"), new byte[] {0x7f, 'E', 'L', 'F'});
        assertThrows(RootfsException.class, () -> ElfFile.interpreter(tiny));
    }

    @Test
    void lddOutputGivesLibrariesAndTheLoader() throws IOException {
        String output =
                "\tlinux-vdso.so.1 (0x00007ffd5a3f6000)\n"
                        + "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f30a5580000)\n"
                        + "\t/lib64/ld-linux-x86-64.so.2 (0x00007f30a5797000)\n";
        assertEquals(
                List.of(Path.of("/lib/x86_64-linux-gnu/libc.so.6"), Path.of("/lib64/ld-linux-x86-64.so.2")),
                SharedLibraries.parse(Path.of("/bin/x"), output));
        RootfsException e =
                assertThrows(
                        RootfsException.class,
                        () -> SharedLibraries.parse(Path.of("/bin/x"), "\tlibgone.so.1 => not found\n"));
        assertTrue(e.getMessage().contains("libgone.so.1"), e.getMessage());
    }

    @Test
    void lookupsInsideAnImageReadAbsoluteLinksAsTheImagesPaths() throws IOException {
        Path image = Files.createDirectories(dir.resolve("image"));
        Files.createDirectories(image.resolve("usr/bin"));
        Files.writeString(image.resolve("usr/bin/busybox"), "");
        Files.createSymbolicLink(image.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(image.resolve("usr/bin/sh"), Path.of("/bin/busybox"));
        Files.createSymbolicLink(image.resolve("usr/bin/up"), Path.of("../../../../../../usr/bin/busybox"));
        Files.createSymbolicLink(image.resolve("usr/bin/loop"), Path.of("loop"));

        assertEquals(Optional.of(image.resolve("usr/bin/busybox")), ImagePaths.resolve(image, "/bin/sh"));
        assertEquals(Optional.of(image.resolve("usr/bin/busybox")), ImagePaths.resolve(image, "/bin/up"), ".. stops at the image's /");
        assertEquals(Optional.empty(), ImagePaths.resolve(image, "/bin/loop"));
        assertEquals(Optional.empty(), ImagePaths.resolve(image, "/bin/missing"));
        assertEquals(Optional.empty(), ImagePaths.resolve(image, "/bin/busybox/sh"), "a file is not a directory");
    }

    @Test
    void writesNeverGoThroughASymlinkedDirectory() throws IOException {
        Path image = Files.createDirectories(dir.resolve("image"));
        Files.createSymbolicLink(image.resolve("etc"), Path.of("/etc"));
        RootfsException e = assertThrows(RootfsException.class, () -> ImagePaths.writable(image, "etc/passwd"));
        assertTrue(e.getMessage().contains("/etc is a symlink"), e.getMessage());
        assertThrows(RootfsException.class, () -> ImagePaths.writable(image, "../outside"));
    }

    @Test
    void mountinfoEscapesAreDecoded() {
        assertEquals("/tmp/my dir\\x", MountTable.unescape("/tmp/my\\040dir\\134x"));
    }

    @Test
    void treeDeletionRemovesLinksNotWhatTheyPointTo() throws IOException {
        Path keep = Files.writeString(dir.resolve("keep"), "keep");
        Path tree = Files.createDirectories(dir.resolve("tree/a"));
        Files.createSymbolicLink(tree.resolve("link"), keep);
        Files.createSymbolicLink(tree.resolve("dirlink"), dir);
        TreeDeleter.delete(dir.resolve("tree"));
        assertTrue(Files.notExists(dir.resolve("tree")));
        assertEquals("keep", Files.readString(keep));
    }
}
