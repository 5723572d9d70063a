package dev.diyc.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default image is built on first use, from busybox-static if the host has it, then reused. */
class RootfsEnsureDefaultTest {

    @TempDir Path project;

    @BeforeAll
    static void asRoot() {
        TestSupport.requireRoot();
    }

    @AfterEach
    void cleanUp() throws IOException {
        TestSupport.cleanUp(project);
    }

    @Test
    void theDefaultImageLivesInRootfsImages() {
        assertEquals(project.resolve("rootfs-images/default"), Rootfs.defaultImage(project));
    }

    @Test
    void buildsOnceThenReusesTheImage() throws IOException {
        List<String> first = new ArrayList<>();
        Path image = Rootfs.ensureDefault(project, first::add);
        first.forEach(line -> System.out.println("[default image] " + line));
        assertEquals(Rootfs.defaultImage(project).toAbsolutePath(), image);
        assertTrue(Rootfs.isImage(image));
        boolean hostHasStaticBusybox = BusyboxImage.findStaticOnHost(line -> {}).isPresent();
        assertEquals(hostHasStaticBusybox, Files.isRegularFile(image.resolve("bin/busybox")), "built from " + first);

        Object marker = Files.getAttribute(image.resolve(Skeleton.MARKER), "unix:ino");
        List<String> second = new ArrayList<>();
        assertEquals(image, Rootfs.ensureDefault(project, second::add));
        assertEquals(List.of(), second, "nothing to do the second time");
        assertEquals(marker, Files.getAttribute(image.resolve(Skeleton.MARKER), "unix:ino"), "not rebuilt");
    }
}
