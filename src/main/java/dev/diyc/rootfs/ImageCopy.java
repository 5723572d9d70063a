package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

/** Copies a finished image into a fresh directory, such as a session's playground. */
final class ImageCopy {

    private ImageCopy() {}

    static void copy(Path image, Path target) throws IOException {
        if (!Rootfs.isImage(image)) {
            throw new RootfsException(
                    image + " is not a diyc image (it has no /" + Skeleton.MARKER + "); build one with ./diyc rootfs build");
        }
        Path cp = HostPrograms.require("cp", "coreutils");
        boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (existed && !isEmptyDirectory(target)) {
            throw new RootfsException(target + " already exists and is not empty; copy the image into a new directory");
        }
        if (!existed) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.createDirectory(target);
        }
        // cp -a keeps symlinks as symlinks, modes, owners, times and device nodes, and is fast.
        // "image/." copies what is inside the image (and the mode of the image dir) into target.
        HostCommand.Result copied =
                HostCommand.run(Duration.ofMinutes(10), cp, "-a", image + "/.", target.toString());
        if (!copied.succeeded()) {
            RootfsException failure =
                    new RootfsException("could not copy the image " + image + " to " + target + " (" + copied.firstLine() + ")");
            TreeDeleter.deleteAfter(target, failure); // no half copy
            throw failure;
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }
}
