package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Root filesystem images: the directories a container gets as its /.
 *
 * <p>An image is a directory with the usual Linux layout, a few programs, /etc/passwd and friends,
 * and the marker file /I_AM_THE_CONTAINER, so that {@code ls /} tells a learner at a glance which
 * side they are on. Images come from a static busybox, from the host's own programs with their
 * libraries (post 003's method), or from a tarball the learner brings.
 *
 * <p>Builds are atomic (see {@link AtomicImageBuild}) and every failure is a {@link
 * RootfsException} with a one-line message for the learner. Everything here runs host programs
 * through ProcessBuilder, so call it from a thread in the host's namespaces.
 */
public final class Rootfs {

    private Rootfs() {}

    /** {@code <projectDir>/rootfs-images/default} */
    public static Path defaultImage(Path projectDir) {
        return projectDir.resolve("rootfs-images").resolve("default");
    }

    /** True when dir holds a finished image (it has the marker file /I_AM_THE_CONTAINER). */
    public static boolean isImage(Path dir) {
        return Files.isDirectory(dir)
                && Files.isRegularFile(dir.resolve(Skeleton.MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Builds the default image if it is missing: from busybox-static when the host has it (/bin/busybox
     * or /usr/bin/busybox, statically linked), otherwise from the host's own binaries. Returns the
     * image dir. {@code progress} gets one short line per stage (null: no progress).
     */
    public static Path ensureDefault(Path projectDir, Consumer<String> progress) throws IOException {
        Consumer<String> say = orSilence(progress);
        Path image = defaultImage(projectDir).toAbsolutePath().normalize();
        if (!isImage(image)) {
            build(image, true, defaultSource(say), say);
        }
        return image;
    }

    /**
     * (Re)builds an image at target the way {@link #ensureDefault} would build it: from busybox-static
     * if the host has it, else from the host's binaries.
     */
    public static void rebuild(Path target, Consumer<String> progress) throws IOException {
        Consumer<String> say = orSilence(progress);
        build(target, false, defaultSource(say), say);
    }

    /** (Re)builds an image at target from a busybox binary, which must be statically linked. */
    public static void buildFromBusybox(Path busybox, Path target, Consumer<String> progress)
            throws IOException {
        build(target, false, new BusyboxImage(busybox), orSilence(progress));
    }

    /** (Re)builds an image at target from the host's binaries and the shared libraries ldd lists. */
    public static void buildFromHost(Path target, Consumer<String> progress) throws IOException {
        build(target, false, new HostBinariesImage(), orSilence(progress));
    }

    /** Imports a root filesystem tarball (e.g. Alpine's minirootfs .tar.gz) into target, adds the marker. */
    public static void importTarball(Path tarball, Path target, Consumer<String> progress)
            throws IOException {
        build(target, false, new TarballImage(tarball), orSilence(progress));
    }

    /** Copies an image into a fresh directory (for the per-session playground), preserving symlinks, modes, device nodes. */
    public static void copy(Path image, Path target) throws IOException {
        try {
            ImageCopy.copy(image, target);
        } catch (IOException | RuntimeException e) {
            throw RootfsException.wrap("could not copy the image " + image + " to " + target, e);
        }
    }

    private static void build(
            Path target, boolean onlyIfMissing, ImageSource source, Consumer<String> progress)
            throws RootfsException {
        long start = System.nanoTime();
        Path image = target.toAbsolutePath().normalize();
        try {
            source.check();
            progress.accept("building " + image + " from " + source.describe());
            boolean built =
                    AtomicImageBuild.build(
                            image,
                            onlyIfMissing,
                            staging -> {
                                source.fillInto(staging, progress);
                                Skeleton.addTo(staging, progress);
                                Skeleton.mark(staging); // last: only a whole image carries the marker
                            });
            if (built) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                progress.accept("image ready: " + image + " (" + DiskUsage.of(image) + ", " + millis + " ms)");
            }
        } catch (IOException | RuntimeException e) {
            throw RootfsException.wrap("could not build the image " + image, e);
        }
    }

    /** busybox-static when the host has it: smallest and self-contained; else the host's programs. */
    private static ImageSource defaultSource(Consumer<String> progress) {
        return BusyboxImage.findStaticOnHost(progress)
                .<ImageSource>map(BusyboxImage::new)
                .orElseGet(HostBinariesImage::new);
    }

    /** The host's static busybox that a default image would be built from, if it has one (read only). */
    public static Optional<Path> staticBusybox() {
        return BusyboxImage.findStaticOnHost(line -> {});
    }

    /** Why this machine's own programs could not make an image (a missing one, with its package), or empty when they can. */
    public static Optional<String> hostProgramsProblem() {
        try {
            new HostBinariesImage().check();
            return Optional.empty();
        } catch (RootfsException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Consumer<String> orSilence(Consumer<String> progress) {
        return progress != null ? progress : line -> {};
    }
}
