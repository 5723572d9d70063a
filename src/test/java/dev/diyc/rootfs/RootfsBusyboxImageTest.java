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

/** An image made of a static busybox and its applet links (posts 000 and 002). */
class RootfsBusyboxImageTest {

    @TempDir static Path dir;
    static Path busybox;
    static Path image;

    @BeforeAll
    static void build() throws IOException {
        TestSupport.requireRoot();
        busybox = BusyboxFixture.staticBusybox();
        image = dir.resolve("busybox");
        List<String> progress = new ArrayList<>();
        Rootfs.buildFromBusybox(busybox, image, progress::add);
        progress.forEach(line -> System.out.println("[busybox image] " + line));
    }

    @AfterAll
    static void cleanUp() throws IOException {
        TestSupport.cleanUp(dir);
    }

    @Test
    void theFixtureIsStatic() throws IOException {
        assertTrue(ElfFile.interpreter(busybox).isEmpty(), busybox + " must have no PT_INTERP");
    }

    @Test
    void everyAppletIsASymlinkThatLeadsToBinBusybox() throws IOException {
        Path binary = image.resolve("bin/busybox");
        assertTrue(Files.isRegularFile(binary) && Files.isExecutable(binary));
        List<String> applets =
                HostCommand.run(Duration.ofSeconds(30), busybox, "--list-full").output().lines().toList();
        assertTrue(applets.size() > 100, "busybox lists only " + applets.size() + " applets");
        for (String applet : applets) {
            if (applet.equals("bin/busybox")) {
                continue;
            }
            assertTrue(Files.isSymbolicLink(image.resolve(applet)), applet + " is a symlink");
            assertEquals(binary, ImagePaths.resolve(image, applet).orElseThrow(), applet);
        }
        for (String usual : List.of("bin/sh", "bin/ls", "usr/bin/wc", "bin/ps", "bin/hostname")) {
            assertTrue(applets.contains(usual), usual + " is an applet");
        }
    }

    @Test
    void hasTheSkeleton() throws IOException {
        assertTrue(Rootfs.isImage(image));
        assertEquals(01777, TestSupport.mode(image.resolve("tmp")));
        assertTrue(Files.readString(image.resolve("etc/passwd")).contains("nobody:x:65534:"));
        assertEquals("container\n", Files.readString(image.resolve("etc/hostname")));
        assertTrue(TestSupport.isCharacterDevice(image.resolve("dev/null")));
    }

    @Test
    void aShellRunsInside() throws IOException {
        String output = TestSupport.chrootOk(image, "/bin/sh", "-c", "echo hi; ls /");
        List<String> lines = output.lines().toList();
        assertEquals("hi", lines.get(0));
        assertTrue(lines.contains("I_AM_THE_CONTAINER"), output);
        assertEquals("root", TestSupport.chrootOk(image, "/bin/sh", "-c", "whoami").strip());
    }

    @Test
    void aDynamicallyLinkedBusyboxIsRejected() throws IOException {
        Path target = dir.resolve("dynamic");
        RootfsException e =
                assertThrows(RootfsException.class, () -> Rootfs.buildFromBusybox(Path.of("/bin/ls"), target, null));
        assertTrue(e.getMessage().contains("dynamically linked"), e.getMessage());
        assertTrue(e.getMessage().contains("busybox-static"), "says what to try: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertFalse(Files.exists(target));
        assertTrue(TestSupport.namesBeside(target).stream().noneMatch(name -> name.contains("dynamic")));
    }

    @Test
    void somethingThatIsNotAProgramIsRejected() throws IOException {
        Path text = Files.writeString(dir.resolve("busybox.txt"), "#!/bin/sh\necho not busybox\n");
        RootfsException e =
                assertThrows(RootfsException.class, () -> Rootfs.buildFromBusybox(text, dir.resolve("text"), null));
        assertTrue(e.getMessage().contains("not a Linux program"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("text")));
    }
}
