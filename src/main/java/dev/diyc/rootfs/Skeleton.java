package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every diyc image has besides its programs: the standard directories, the accounts, the
 * hostname, the device nodes and, written last, the marker file.
 *
 * <p>It adds to an image without taking anything away, so an imported Alpine keeps its own
 * /etc/passwd (diyc only appends root or nobody if they are missing).
 */
final class Skeleton {

    static final String MARKER = "I_AM_THE_CONTAINER";

    /** Mount points (proc, sys, dev), scratch space (tmp), root's home and the usual program dirs. */
    private static final List<String> DIRECTORIES =
            List.of("bin", "sbin", "usr/bin", "usr/sbin", "etc", "proc", "sys", "dev", "tmp", "root");

    private Skeleton() {}

    static void addTo(Path image, Consumer<String> progress) throws IOException {
        progress.accept("adding /etc (passwd, group, hostname), /dev, /proc, /sys, /tmp");
        for (String dir : DIRECTORIES) {
            ensureDirectory(image, dir);
        }
        setMode(image, "tmp", 01777); // anyone may create files there, only owners delete them
        setMode(image, "root", 0700);
        ensureAccount(image, "etc/passwd", "root:x:0:0:root:/root:/bin/sh");
        ensureAccount(image, "etc/passwd", "nobody:x:65534:65534:nobody:/nonexistent:/bin/false");
        ensureAccount(image, "etc/group", "root:x:0:");
        ensureAccount(image, "etc/group", "nobody:x:65534:");
        write(image, "etc/hostname", "container\n");
        DeviceNodes.addTo(image, progress);
    }

    /** Writes the marker file that makes a directory a finished image: the last step of a build. */
    static void mark(Path image) throws IOException {
        write(
                image,
                MARKER,
                "This is the root directory of a container, made by diyc: if you see this file in ls /, you are inside it.\n");
    }

    private static void ensureDirectory(Path image, String dir) throws IOException {
        Path path = image.resolve(dir);
        if (Files.isSymbolicLink(path)) {
            // Merged /usr: /bin -> usr/bin is fine as long as it leads to a directory inside the image.
            if (ImagePaths.resolve(image, dir).filter(Files::isDirectory).isEmpty()) {
                throw new RootfsException(
                        "the image's /" + dir + " is a symlink that leads to no directory inside the image");
            }
            return;
        }
        Path writable = ImagePaths.writable(image, dir);
        if (!Files.isDirectory(writable, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(writable);
        }
    }

    private static void setMode(Path image, String dir, int mode) throws IOException {
        Path path = ImagePaths.writable(image, dir);
        if (!Files.isSymbolicLink(path)) {
            // The "unix" view sets the whole mode, sticky bit included (PosixFilePermission cannot).
            Files.setAttribute(path, "unix:mode", mode);
        }
    }

    /** Appends {@code line} unless the file already has an entry with the same id (third field). */
    private static void ensureAccount(Path image, String file, String line) throws IOException {
        Path path = ImagePaths.writable(image, file);
        String id = line.split(":")[2];
        String existing = "";
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            existing = Files.readString(path, StandardCharsets.UTF_8);
            for (String entry : existing.split("\n")) {
                String[] fields = entry.split(":");
                if (fields.length > 2 && fields[2].equals(id)) {
                    return;
                }
            }
        }
        String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
        write(image, file, existing + separator + line + "\n");
    }

    /** Writes a regular file; a symlink in its place is replaced, never written through. */
    private static void write(Path image, String file, String content) throws IOException {
        Path path = ImagePaths.writable(image, file);
        if (Files.isSymbolicLink(path)) {
            Files.delete(path);
        }
        Files.writeString(
                path,
                content,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }
}
