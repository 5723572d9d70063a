package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An image made of one static busybox binary and a symlink per applet, like {@code docker run busybox}.
 *
 * <p>busybox is a single program that behaves as ls, sh, ps... depending on the name it is started
 * by, so /bin/ls is just a symlink to /bin/busybox. Statically linked, it needs no library at all:
 * the smallest image that still feels like a Linux system.
 */
final class BusyboxImage implements ImageSource {

    /** Where Debian's busybox-static (and busybox) put the binary; one file on a merged /usr. */
    private static final List<Path> HOST_LOCATIONS = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"));

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path busybox;

    BusyboxImage(Path busybox) {
        this.busybox = busybox.toAbsolutePath();
    }

    /** The host's busybox if it is statically linked; says why not on {@code progress} otherwise. */
    static Optional<Path> findStaticOnHost(Consumer<String> progress) {
        for (Path candidate : HOST_LOCATIONS) {
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                if (ElfFile.interpreter(candidate).isEmpty()) {
                    return Optional.of(candidate);
                }
                progress.accept(
                        candidate + " is dynamically linked, so the image is built from this machine's programs instead (apt-get install busybox-static gives a self-contained busybox)");
            } catch (IOException e) {
                progress.accept(candidate + " is not usable (" + e.getMessage() + ")");
            }
            return Optional.empty(); // the other location is the same file or an odd one out
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "busybox " + busybox;
    }

    @Override
    public void check() throws IOException {
        if (!Files.isRegularFile(busybox)) {
            throw new RootfsException(
                    "there is no busybox at " + busybox + "; install busybox-static (apt-get install busybox-static) or give the path of a static busybox");
        }
        Optional<String> loader = ElfFile.interpreter(busybox);
        if (loader.isPresent()) {
            throw new RootfsException(
                    busybox
                            + " is dynamically linked (it needs "
                            + loader.get()
                            + "), so it cannot run alone in an empty root; use a static busybox (apt-get install busybox-static) or build from this machine's programs (./diyc rootfs build)");
        }
    }

    @Override
    public void fillInto(Path staging, Consumer<String> progress) throws IOException {
        List<String> applets = appletPaths();
        progress.accept("copying busybox to /bin/busybox and linking its " + applets.size() + " applets to it");
        Path copy = Files.createDirectories(staging.resolve("bin")).resolve("busybox");
        Files.copy(busybox, copy); // a symlinked busybox is copied as the file it points to
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String applet : applets) {
            Path link = staging.resolve(applet);
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                continue; // bin/busybox itself is on the list
            }
            Files.createDirectories(link.getParent());
            // Relative ("../../bin/busybox"), so the link works from the host as well as after chroot.
            Files.createSymbolicLink(link, link.getParent().relativize(copy));
        }
    }

    /** Where each applet goes ("usr/bin/wc"), as busybox itself says. */
    private List<String> appletPaths() throws IOException {
        HostCommand.Result full = HostCommand.run(TIMEOUT, busybox, "--list-full");
        if (full.succeeded()) {
            return checked(full.output().lines().toList());
        }
        // A busybox built without its installer has no --list-full; --list gives bare names.
        HostCommand.Result names = HostCommand.run(TIMEOUT, busybox, "--list");
        if (!names.succeeded()) {
            throw new RootfsException(
                    busybox + " does not list its applets (" + names.firstLine() + "); is it really busybox?");
        }
        return checked(names.output().lines().map(name -> "bin/" + name.strip()).toList());
    }

    /** Applet paths become files in the image: each must stay inside it. */
    private List<String> checked(List<String> paths) throws RootfsException {
        List<String> applets = new ArrayList<>();
        for (String line : paths) {
            String path = line.strip();
            if (path.isEmpty()) {
                continue;
            }
            if (path.startsWith("/") || !Path.of(path).normalize().toString().equals(path) || path.startsWith("..")) {
                throw new RootfsException(busybox + " lists an applet at an odd place (" + path + "); is it really busybox?");
            }
            applets.add(path);
        }
        if (applets.isEmpty()) {
            throw new RootfsException(busybox + " lists no applets; is it really busybox?");
        }
        return applets;
    }
}
