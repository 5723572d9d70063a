package dev.diyc.doctor;

import dev.diyc.rootfs.Rootfs;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Room for the playground: each session copies the image there, and a learner makes files in it.
 * Free space comes from statfs (what FileStore reports), the image's size from the image itself,
 * or an estimate while it is not built.
 */
final class DiskSpaceCheck {
    static final long MB = 1_000_000;
    /** What a learner's files and a lesson's scratch take beyond the image's copy. */
    static final long MARGIN = 64 * MB;
    /** A host-programs image before it is built: a few dozen programs and their libraries (13 MB on a Debian 12 host; room for larger libc and bash). */
    static final long HOST_IMAGE_ESTIMATE = 40 * MB;

    private DiskSpaceCheck() {}

    static Finding check(Machine m, ImageSources sources) {
        Path image = Rootfs.defaultImage(m.home());
        boolean built = Rootfs.isImage(image);
        long imageBytes = built ? size(image) : sources.staticBusybox().map(DiskSpaceCheck::size).map(b -> b + MB).orElse(HOST_IMAGE_ESTIMATE);
        try {
            FileStore playground = Files.getFileStore(m.tmp());
            // An image still to be built takes its room once more where it is built, if that is the same disk.
            boolean buildHere = !built && Files.isDirectory(m.home()) && Files.getFileStore(m.home()).equals(playground);
            long need = imageBytes * (buildHere ? 2 : 1) + MARGIN;
            return decide(need, playground.getUsableSpace(), m.tmp().toString());
        } catch (IOException e) {
            return Finding.missing(Piece.DISK_SPACE, "cannot read free space of " + m.tmp() + " (" + e.getMessage() + ")",
                    "sudo mkdir -p " + m.tmp() + " && sudo chmod 1777 " + m.tmp());
        }
    }

    static Finding decide(long need, long free, String where) {
        Map<String, String> facts = Map.of("free_mb", Long.toString(free / MB), "need_mb", Long.toString(need / MB), "where", where);
        if (free >= need) {
            return Finding.ok(Piece.DISK_SPACE, free / MB + " MB free in " + where + ", " + ceilMb(need) + " MB needed").with(facts);
        }
        return Finding.missing(Piece.DISK_SPACE, free / MB + " MB free in " + where + ", " + ceilMb(need) + " MB needed",
                "free " + ceilMb(need - free) + " MB in " + where + " (du -xsh " + where + "/* shows what is there)").with(facts);
    }

    private static long ceilMb(long bytes) {
        return (bytes + MB - 1) / MB;
    }

    /** The bytes of the regular files under a path (symlinks not followed). */
    static long size(Path tree) {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
