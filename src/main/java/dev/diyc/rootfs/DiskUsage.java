package dev.diyc.rootfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/** How many files an image holds and how many bytes they take: for the "image ready" line. */
record DiskUsage(long files, long bytes) {

    static DiskUsage of(Path tree) throws IOException {
        long files = 0;
        long bytes = 0;
        try (Stream<Path> paths = Files.walk(tree)) { // does not follow symlinks
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    files++;
                    bytes += Files.size(path);
                }
            }
        }
        return new DiskUsage(files, bytes);
    }

    @Override
    public String toString() {
        return String.format("%d files, %.1f MB", files, bytes / 1_000_000.0);
    }
}
