package dev.diyc.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image built from this machine's own programs (post 003's method), and programs run in it. */
class RootfsHostImageTest {

    @TempDir static Path dir;
    static Path image;

    @BeforeAll
    static void build() throws IOException {
        TestSupport.requireRoot();
        image = dir.resolve("host");
        List<String> progress = new ArrayList<>();
        Rootfs.buildFromHost(image, progress::add);
        progress.forEach(line -> System.out.println("[host image] " + line));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        TestSupport.cleanUp(dir);
    }

    @Test
    void hasTheStandardDirectories() throws IOException {
        for (String name : List.of("bin", "sbin", "usr/bin", "usr/sbin", "etc", "proc", "sys", "dev", "tmp", "root")) {
            assertTrue(ImagePaths.resolve(image, name).filter(Files::isDirectory).isPresent(), name);
        }
        assertEquals(01777, TestSupport.mode(image.resolve("tmp")));
        assertEquals(0755, TestSupport.mode(image), "the container's / must be enterable by everyone");
    }

    @Test
    void hasTheMarkerAccountsAndHostname() throws IOException {
        assertTrue(Rootfs.isImage(image));
        assertTrue(Files.readString(image.resolve("I_AM_THE_CONTAINER")).contains("diyc"));
        List<String> passwd = Files.readAllLines(image.resolve("etc/passwd"));
        assertTrue(passwd.stream().anyMatch(line -> line.startsWith("root:x:0:0:")), passwd::toString);
        assertTrue(passwd.stream().anyMatch(line -> line.startsWith("nobody:x:65534:65534:")), passwd::toString);
        List<String> group = Files.readAllLines(image.resolve("etc/group"));
        assertTrue(group.contains("root:x:0:"), group::toString);
        assertTrue(group.contains("nobody:x:65534:"), group::toString);
        assertEquals("container\n", Files.readString(image.resolve("etc/hostname")));
    }

    @Test
    void hasDeviceNodes() throws IOException {
        for (String node : List.of("null", "zero", "tty", "random", "urandom")) {
            assertTrue(TestSupport.isCharacterDevice(image.resolve("dev").resolve(node)), "/dev/" + node);
        }
    }

    @Test
    void keepsTheHostsLayoutWithBinShAndBinLsResolvingInside() throws IOException {
        for (String program : List.of("/bin/sh", "/bin/ls", "/bin/cat", "/bin/ps")) {
            assertTrue(ImagePaths.isFile(image, program), program + " resolves inside the image");
        }
        if (Files.isSymbolicLink(Path.of("/bin"))) { // merged /usr (Debian 12): the image has it too
            assertEquals(Files.readSymbolicLink(Path.of("/bin")), Files.readSymbolicLink(image.resolve("bin")));
        }
        Path loader = Path.of(ElfFile.interpreter(Path.of("/bin/sh")).orElseThrow());
        assertTrue(ImagePaths.isFile(image, loader.toString()), "the dynamic loader " + loader + " is in the image");
    }

    @Test
    void aShellRunsInsideAndSeesTheImageAsItsRoot() throws IOException {
        String output =
                TestSupport.chrootOk(image, "/bin/sh", "-c", "echo $$; ls /; ps -o pid= -p $$ || true; hostname");
        List<String> lines = output.lines().toList();
        assertTrue(lines.get(0).matches("\\d+"), output);
        assertTrue(lines.contains("I_AM_THE_CONTAINER"), output);
        assertFalse(lines.contains("home"), "the host's / shows through:\n" + output);
    }

    @Test
    void bashRuns() throws IOException {
        assertEquals("ok", TestSupport.chrootOk(image, "/bin/bash", "-c", "echo ok").strip());
    }

    @Test
    void everydayCommandsWorkInside() throws IOException {
        String output =
                TestSupport.chrootOk(
                        image, "/bin/sh", "-c", "id -un; cat /etc/hostname; echo gone > /dev/null && echo devnull; mkdir /tmp/d && rmdir /tmp/d && echo dirs");
        assertEquals(List.of("root", "container", "devnull", "dirs"), output.lines().toList());
    }

    /** The loader, started with LD_TRACE_LOADED_OBJECTS, lists every library without running the program. */
    @Test
    void everyCopiedProgramFindsAllItsLibrariesInside() throws IOException {
        int checked = 0;
        for (String name : HostBinariesImage.programNames()) {
            Optional<Path> onHost = HostPrograms.find(name);
            if (onHost.isEmpty()) {
                continue; // not on this machine, so not in the image either
            }
            String program = onHost.get().toString();
            assertTrue(ImagePaths.isFile(image, program), program + " is in the image");
            String libraries = TestSupport.chrootOk(image, "LD_TRACE_LOADED_OBJECTS=1", program);
            assertFalse(libraries.contains("not found"), program + ":\n" + libraries);
            checked++;
        }
        assertTrue(checked >= 8, "only " + checked + " programs checked");
    }
}
