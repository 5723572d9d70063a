package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Copies host files into a fresh image at the same absolute paths, symlinks included.
 *
 * <p>Copying /usr/bin/sh on Debian 12 means recreating the symlink /usr/bin/sh -> dash and copying
 * /usr/bin/dash; copying /lib64/ld-linux-x86-64.so.2 means recreating /lib64 -> usr/lib64 (merged
 * /usr) and the loader's own symlink into /lib/x86_64-linux-gnu. Doing what path lookup does and
 * repeating every symlink it meets gives the image the host's layout, so every path a program or
 * the loader asks for resolves inside the image the way it does on the host.
 *
 * <p>Directories on the way are created empty: only the files named are copied. The image must be
 * a fresh staging directory, so nothing diyc writes can meet a symlink it did not make itself.
 */
final class HostPathMirror {

    private static final Path HOST_ROOT = Path.of("/");

    private final Path image;
    private final Set<Path> done = new HashSet<>();
    private int files;

    HostPathMirror(Path image) {
        this.image = image;
    }

    /** Copies one host path (absolute) into the image; returns the real host file it led to. */
    Path copy(Path hostPath) throws IOException {
        return PathWalk.walk(HOST_ROOT, hostPath.toString(), new Steps())
                .orElseThrow(() -> new RootfsException("cannot copy " + hostPath + ": it does not exist on this machine"));
    }

    /** Regular files copied so far. */
    int filesCopied() {
        return files;
    }

    private Path inImage(Path hostPath) {
        return image.resolve(HOST_ROOT.relativize(hostPath).toString());
    }

    /** Each step of a host path lookup, repeated in the image. */
    private final class Steps implements PathWalk.Steps {

        @Override
        public void symlink(Path link, Path target) throws IOException {
            if (done.add(link)) {
                // The same text as on the host: absolute targets then mean the image's paths after chroot.
                Files.createSymbolicLink(inImage(link), target);
            }
        }

        @Override
        public void directory(Path dir) throws IOException {
            if (done.add(dir)) {
                Path copy = inImage(dir);
                if (!Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(copy);
                }
                Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(dir));
            }
        }

        @Override
        public void file(Path file) throws IOException {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new RootfsException("cannot copy " + file + ": it is not a regular file");
            }
            if (done.add(file)) {
                // COPY_ATTRIBUTES keeps rwx bits and times; setuid bits are dropped, which a container
                // that runs as root does not miss.
                Files.copy(file, inImage(file), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                files++;
            }
        }
    }
}
