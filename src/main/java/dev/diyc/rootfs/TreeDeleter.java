package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Deletes a directory tree (a staging dir, a replaced image) without ever leaving it.
 *
 * <p>Images are full of symlinks to absolute paths (/bin/sh -> /bin/busybox) that point into the
 * host when read from outside: they are deleted as links, never followed. And a tree with anything
 * mounted in it is refused, so deleting cannot reach into a mounted /proc or bind mount.
 */
public final class TreeDeleter {

    private TreeDeleter() {}

    public static void delete(Path tree) throws IOException {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> mounts = MountTable.mountPointsUnder(tree);
            if (!mounts.isEmpty()) {
                throw new RootfsException(
                        "cannot delete "
                                + tree
                                + ": "
                                + mounts.get(0)
                                + " is still mounted; unmount it first (umount -l "
                                + mounts.get(0)
                                + ")");
            }
        }
        // walkFileTree does not follow symlinks unless asked to: a link is visited as a file.
        Files.walkFileTree(
                tree,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                            throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException error)
                            throws IOException {
                        if (error != null) {
                            throw error;
                        }
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** Deletes after a failure, adding any trouble to {@code failure} rather than hiding it. */
    static void deleteAfter(Path tree, Throwable failure) {
        try {
            delete(tree);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
