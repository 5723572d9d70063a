package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Follows a path one name at a time, the way the kernel does, inside a given root directory.
 *
 * <p>Symlinks are followed by hand rather than by the JVM because an absolute symlink in an image
 * ({@code /bin/sh -> /bin/busybox} in Alpine) means the image's /bin/busybox, not the host's: the
 * kernel only reads it that way after chroot. Following by hand also lets {@link HostPathMirror}
 * see every symlink on the way, so it can recreate each one in an image.
 */
final class PathWalk {

    /** Told about each step of a walk, parents before children. */
    interface Steps {
        /** {@code link} (a path under the root, its parent free of symlinks) holds {@code target}. */
        default void symlink(Path link, Path target) throws IOException {}

        /** A real directory the walk passed through. */
        default void directory(Path dir) throws IOException {}

        /** The real non-directory file at the end of the walk. */
        default void file(Path file) throws IOException {}
    }

    /** Linux gives up with ELOOP after 40 symlinks in one lookup; so do we. */
    private static final int MAX_SYMLINKS = 40;

    private PathWalk() {}

    /**
     * Walks {@code path} (read as absolute) inside {@code root} and returns where it really ends: a
     * host path under root with no symlink in it. Empty when a name is missing, a non-directory is
     * walked through, or there are too many symlinks. ".." never climbs above root, as after chroot.
     */
    static Optional<Path> walk(Path root, String path, Steps steps) throws IOException {
        Deque<String> names = new ArrayDeque<>();
        pushFront(names, path);
        Path current = root;
        int symlinks = 0;
        while (!names.isEmpty()) {
            String name = names.pop();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                current = current.equals(root) ? root : current.getParent();
                continue;
            }
            Path next = current.resolve(name);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(next, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (attributes.isSymbolicLink()) {
                if (++symlinks > MAX_SYMLINKS) {
                    return Optional.empty();
                }
                Path target = Files.readSymbolicLink(next);
                steps.symlink(next, target);
                pushFront(names, target.toString());
                if (target.isAbsolute()) {
                    current = root;
                }
            } else if (attributes.isDirectory()) {
                steps.directory(next);
                current = next;
            } else if (names.isEmpty()) {
                steps.file(next);
                current = next;
            } else {
                return Optional.empty(); // "a/b" where a is a file: ENOTDIR
            }
        }
        return Optional.of(current);
    }

    /** Puts the names of {@code path} in front of the names still to walk, keeping their order. */
    private static void pushFront(Deque<String> names, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            names.push(parts[i]);
        }
    }
}
