package dev.diyc.rootfs;

import dev.diyc.sys.Privileges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What the rootfs tests share: the root check, running programs inside an image, leftovers. */
final class TestSupport {

    private TestSupport() {}

    /** These tests chroot and mknod; without root they fail here, saying so, rather than skip. */
    static void requireRoot() {
        assertTrue(
                Privileges.isRealRoot(),
                "the rootfs tests run chroot and mknod, so they must run as root: sudo mvn -B test -Dtest='dev.diyc.rootfs.*Test'");
    }

    /** Runs a command inside the image with the host's chroot(8), with a fixed PATH. */
    static HostCommand.Result chroot(Path image, String... command) throws IOException {
        List<String> args = new ArrayList<>();
        args.add(image.toString());
        args.add("/usr/bin/env"); // host and busybox images both have it there
        args.add("PATH=/usr/sbin:/usr/bin:/sbin:/bin");
        args.addAll(List.of(command));
        return HostCommand.run(
                Duration.ofSeconds(30), HostPrograms.require("chroot", "coreutils"), args.toArray(String[]::new));
    }

    /** Like {@link #chroot}, and the command must succeed; returns its output. */
    static String chrootOk(Path image, String... command) throws IOException {
        HostCommand.Result result = chroot(image, command);
        assertEquals(0, result.exitCode(), () -> String.join(" ", result.argv()) + " said:\n" + result.output());
        return result.output();
    }

    /**
     * After a test: asserts nothing is mounted under {@code dir} (the tests mount nothing), then
     * empties it. Deleting here, without following the images' absolute symlinks, spares JUnit's
     * own @TempDir cleanup a warning for each of them.
     */
    static void cleanUp(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            assertEquals(List.of(), MountTable.mountPointsUnder(dir), "mounts left under " + dir);
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : entries.toList()) {
                    TreeDeleter.delete(entry);
                }
            }
        }
    }

    /** Names in the directory that holds {@code target}: for spotting leftovers of a build. */
    static Set<String> namesBeside(Path target) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> entries = Files.list(target.getParent())) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        return names;
    }

    /** All a finished build leaves in its parent directory: the image and its ".name.lock" file. */
    static Set<String> imageAndLock(Path target) {
        String name = target.getFileName().toString();
        return new TreeSet<>(Set.of(name, "." + name + ".lock"));
    }

    static boolean isCharacterDevice(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0020000; // S_IFMT == S_IFCHR
    }

    static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }
}
