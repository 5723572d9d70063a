package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Paths inside an image, seen from the host.
 *
 * <p>An image may contain symlinks whose targets mean something else on the host: Alpine's
 * {@code /bin/sh -> /bin/busybox}, or in a hostile tarball {@code /etc -> /etc}. Reading through them
 * with ordinary host path lookup gives wrong answers, and writing through them would write into the
 * host. So lookups go through {@link PathWalk} rooted at the image, and writes only go to places
 * whose parents are real directories of the image.
 */
final class ImagePaths {

    private ImagePaths() {}

    /** Where {@code path} ends inside {@code image} after following its symlinks as chroot would. */
    static Optional<Path> resolve(Path image, String path) throws IOException {
        return PathWalk.walk(image, path, new PathWalk.Steps() {});
    }

    /** True when {@code path} inside the image leads to a regular file (e.g. "/bin/sh"). */
    static boolean isFile(Path image, String path) throws IOException {
        Optional<Path> end = resolve(image, path);
        return end.isPresent() && Files.isRegularFile(end.get(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * {@code image/relative}, checked to be a place diyc may write: no directory between the image
     * root and it is a symlink, so nothing written there can land outside the image. The last name
     * itself may be a symlink: callers replace it rather than write through it.
     */
    static Path writable(Path image, String relative) throws RootfsException {
        Path target = image.resolve(relative).normalize();
        if (!target.startsWith(image) || target.equals(image)) {
            throw new RootfsException("refusing to write " + relative + ": it is not inside the image");
        }
        for (Path dir = target.getParent(); !dir.equals(image); dir = dir.getParent()) {
            if (Files.isSymbolicLink(dir)) {
                throw new RootfsException(
                        "the image's /"
                                + image.relativize(dir)
                                + " is a symlink, so diyc will not write /"
                                + relative
                                + " through it; use a root filesystem where /"
                                + image.relativize(dir)
                                + " is a real directory");
            }
        }
        return target;
    }
}
