package dev.diyc.rootfs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A statically linked busybox for the tests, found or fetched without installing anything.
 *
 * <p>In order: $DIYC_TEST_BUSYBOX; the host's /bin/busybox if static; a copy fetched earlier into
 * target/fixtures/; else {@code apt-get download busybox-static} into target/fixtures/ and {@code
 * dpkg-deb -x} of it there. The host's package database is not touched (only its package lists
 * are refreshed with apt-get update when they do not know busybox-static, as in a fresh CI
 * container). If none of this works the test fails and says what to do: it never skips.
 */
public final class BusyboxFixture {

    private static final Path FIXTURES = Path.of("target", "fixtures").toAbsolutePath();
    private static final Path UNPACKED = FIXTURES.resolve("busybox-static");
    private static final Path FETCHED_BINARY = UNPACKED.resolve("bin/busybox");

    private static final String HOW_TO_FIX =
            "The busybox tests need a statically linked busybox. Do one of: apt-get install busybox-static;"
                    + " or make `apt-get download busybox-static` work (a Debian/Ubuntu mirror reachable, apt-get update);"
                    + " or set DIYC_TEST_BUSYBOX=/path/to/a/static/busybox.";

    private BusyboxFixture() {}

    public static synchronized Path staticBusybox() throws IOException {
        String chosen = System.getenv("DIYC_TEST_BUSYBOX");
        if (chosen != null && !chosen.isBlank()) {
            return requireStatic(Path.of(chosen), "DIYC_TEST_BUSYBOX=" + chosen);
        }
        Optional<Path> onHost = BusyboxImage.findStaticOnHost(line -> {});
        if (onHost.isPresent()) {
            return onHost.get();
        }
        if (!isStatic(FETCHED_BINARY)) {
            fetch();
        }
        return requireStatic(FETCHED_BINARY, "the busybox-static package fetched into " + UNPACKED);
    }

    private static void fetch() throws IOException {
        Files.createDirectories(FIXTURES);
        String download = run("apt-get", "download", "busybox-static");
        if (download != null && (download.contains("Unable to locate") || download.contains("no installation candidate"))) {
            // Fresh containers ship without package lists; refreshing them installs nothing.
            run("apt-get", "update", "-qq");
            download = run("apt-get", "download", "busybox-static");
        }
        Path deb = newestDeb().orElse(null);
        if (deb == null) {
            fail("apt-get download busybox-static fetched nothing (" + firstLine(download) + "). " + HOW_TO_FIX);
        }
        String unpacked = run("dpkg-deb", "-x", deb.toString(), UNPACKED.toString());
        if (unpacked != null) {
            fail("dpkg-deb -x " + deb + " failed (" + firstLine(unpacked) + "). " + HOW_TO_FIX);
        }
    }

    /** Runs a host program in target/fixtures; null when it succeeded, else what it printed. */
    private static String run(String program, String... args) throws IOException {
        Optional<Path> path = HostPrograms.find(program);
        if (path.isEmpty()) {
            fail("there is no `" + program + "` on this machine to fetch busybox-static with. " + HOW_TO_FIX);
        }
        try {
            HostCommand.Result result = HostCommand.runIn(FIXTURES, Duration.ofMinutes(5), path.get(), args);
            return result.succeeded() ? null : result.output();
        } catch (RootfsException e) { // could not start, or timed out
            return fail(e.getMessage() + ". " + HOW_TO_FIX);
        }
    }

    private static Optional<Path> newestDeb() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files
                    .filter(file -> file.getFileName().toString().matches("busybox-static_.*\\.deb"))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        }
    }

    private static Path requireStatic(Path busybox, String origin) {
        if (!isStatic(busybox)) {
            fail(busybox + " (from " + origin + ") is missing or not a statically linked program. " + HOW_TO_FIX);
        }
        return busybox;
    }

    private static boolean isStatic(Path busybox) {
        try {
            return Files.isRegularFile(busybox) && ElfFile.interpreter(busybox).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstLine(String output) {
        return output == null ? "no output" : output.strip().lines().findFirst().orElse("no output");
    }
}
