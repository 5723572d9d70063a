package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Builds an image beside its final place and renames it there, so that a directory at the target
 * is always a whole image: a build that fails or is killed leaves no half image behind.
 *
 * <p>For target rootfs-images/default the build works in rootfs-images/.default.building-NNN; a
 * rebuild moves the old image to .default.old-NNN, the new one in, then deletes the old one. The
 * file .default.lock makes builds of one target take turns, also across diyc processes; whoever
 * holds it may delete leftovers of a build that was killed.
 */
final class AtomicImageBuild {

    /** Fills a staging directory with a whole image. */
    interface Work {
        void fill(Path staging) throws IOException;
    }

    /** A FileLock is per process: threads of one JVM take turns on this instead. */
    private static final Object LOCK_IN_THIS_JVM = new Object();

    private AtomicImageBuild() {}

    /**
     * Builds an image at target. With {@code onlyIfMissing}, a target that already is an image (maybe
     * finished by another diyc meanwhile) is kept and false is returned.
     */
    static boolean build(Path target, boolean onlyIfMissing, Work work) throws IOException {
        Path image = target.toAbsolutePath().normalize();
        Path parent = image.getParent();
        if (parent == null) {
            throw new RootfsException("cannot build an image at /; give a directory such as rootfs-images/mine");
        }
        String name = image.getFileName().toString();
        Files.createDirectories(parent);
        synchronized (LOCK_IN_THIS_JVM) {
            try (FileChannel lockFile =
                    FileChannel.open(parent.resolve("." + name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                lockFile.lock(); // held until the channel closes
                if (onlyIfMissing && Rootfs.isImage(image)) {
                    return false;
                }
                refuseToReplaceOtherThings(image);
                deleteLeftovers(parent, name);
                Path staging = Files.createTempDirectory(parent, "." + name + ".building-");
                try {
                    Files.setAttribute(staging, "unix:mode", 0755); // it becomes the container's /
                    work.fill(staging);
                    moveIntoPlace(staging, image);
                } catch (Throwable failure) {
                    TreeDeleter.deleteAfter(staging, failure);
                    throw failure;
                }
                return true;
            }
        }
    }

    /** A rebuild replaces an image, or fills an empty directory; anything else is the learner's. */
    private static void refuseToReplaceOtherThings(Path image) throws IOException {
        if (!Files.exists(image, LinkOption.NOFOLLOW_LINKS) || Rootfs.isImage(image) && !Files.isSymbolicLink(image)) {
            return;
        }
        if (Files.isDirectory(image, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(image)) {
                if (!entries.iterator().hasNext()) {
                    return;
                }
            }
        }
        throw new RootfsException(
                image + " already exists and is not a diyc image, so diyc will not replace it; give another directory or remove it yourself");
    }

    /** Staging and old directories left by a build that was killed: ours, since we hold the lock. */
    private static void deleteLeftovers(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> entries =
                Files.newDirectoryStream(parent, "." + name + ".{building,old}-*")) {
            for (Path leftover : entries) {
                TreeDeleter.delete(leftover);
            }
        }
    }

    private static void moveIntoPlace(Path staging, Path image) throws IOException {
        if (!Files.exists(image, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, image, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        // Two renames: rename(2) cannot put a directory over a non-empty one. In between, for a
        // moment, there is no image at all; never a half one.
        Path old = image.resolveSibling("." + image.getFileName() + ".old-" + System.nanoTime());
        try {
            Files.move(image, old, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RootfsException(
                    "cannot replace " + image + " (" + RootfsException.reason(e) + "); is a container still using it?", e);
        }
        try {
            Files.move(staging, image, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, image, StandardCopyOption.ATOMIC_MOVE); // put the old one back
            throw e;
        }
        try {
            TreeDeleter.delete(old);
        } catch (IOException e) {
            throw new RootfsException(
                    "the new image is in place, but the old one could not be deleted: " + RootfsException.reason(e), e);
        }
    }
}
