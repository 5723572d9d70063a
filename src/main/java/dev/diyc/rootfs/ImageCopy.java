package dev.diyc.rootfs;

import dev.diyc.sys.Privileges;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        HostCommand.Result copied = Privileges.isRealRoot()
                ? HostCommand.run(Duration.ofMinutes(10), cp, "-a", image + "/.", target.toString())
                : copyWithoutDevices(cp, image, target);
        if (!copied.succeeded()) {
            RootfsException failure =
                    new RootfsException("could not copy the image " + image + " to " + target + " (" + copied.firstLine() + ")");
            TreeDeleter.deleteAfter(target, failure); // no half copy
            throw failure;
        }
    }

    /**
     * Without root, mknod fails, so the image's device nodes (/dev/null, /dev/zero ...) stay behind,
     * and so does what only root may read (/root): everything else is copied, /dev with what in it is
     * not a device, and an unreadable directory as an empty one.
     */
    private static HostCommand.Result copyWithoutDevices(Path cp, Path image, Path target) throws IOException {
        List<String> args = new ArrayList<>(List.of("-a"));
        try (var top = Files.list(image)) {
            for (Path p : top.filter(p -> !p.getFileName().toString().equals("dev")).toList()) {
                if (Files.isSymbolicLink(p) || Files.isReadable(p)) {
                    args.add(p.toString());
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(target.resolve(p.getFileName().toString()));
                }
            }
        }
        Path dev = image.resolve("dev");
        if (Files.isDirectory(dev, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(target.resolve("dev"));
            try (var entries = Files.list(dev)) {
                entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        || Files.isSymbolicLink(p)).forEach(p -> args.add(p.toString()));
            }
        }
        // cp -a a b c dir/: the entries of dev/ land in dev/ only when copied on their own
        List<String> devArgs = new ArrayList<>(List.of("-a"));
        args.removeIf(a -> a.startsWith(dev + "/") && devArgs.add(a));
        args.add(target + "/");
        HostCommand.Result top = HostCommand.run(Duration.ofMinutes(10), cp, args.toArray(String[]::new));
        if (!top.succeeded() || devArgs.size() == 1) {
            return top;
        }
        devArgs.add(target.resolve("dev") + "/");
        return HostCommand.run(Duration.ofMinutes(1), cp, devArgs.toArray(String[]::new));
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
