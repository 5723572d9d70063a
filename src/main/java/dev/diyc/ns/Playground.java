package dev.diyc.ns;

import dev.diyc.rootfs.Rootfs;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The directory both contexts start in, holding {@code rootfs/}, a fresh copy of the image, so the
 * posts' relative paths work as written ({@code mount --bind rootfs rootfs}) and a learner's changes
 * to the root filesystem never touch the image. One per diyc process, removed when it exits.
 */
public final class Playground {
    private static final String PREFIX = "diyc-playground.";

    private Playground() {}

    public static Path create(Path image) throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        removeStale(base);
        Path dir = base.resolve(PREFIX + ProcessHandle.current().pid());
        if (Files.exists(dir)) {
            remove(dir);
        }
        Files.createDirectories(dir);
        Rootfs.copy(image, dir.resolve("rootfs"));
        return dir;
    }

    /** Playgrounds left by a diyc that was killed: their owner's PID is no longer a diyc. */
    private static void removeStale(Path base) {
        try (var dirs = Files.list(base)) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                String pid = d.getFileName().toString().substring(PREFIX.length());
                boolean alive = pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isPresent();
                if (!alive) {
                    remove(d);
                }
            }
        } catch (IOException e) {
            // nothing to clean, or not ours to clean
        }
    }

    /** Deletes the tree without following symlinks, and never while anything is mounted inside it. */
    public static void remove(Path dir) throws IOException {
        String prefix = dir.toRealPath() + "/";
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String mountPoint = line.split(" ")[4];
            if (mountPoint.startsWith(prefix) || mountPoint.equals(dir.toString())) {
                throw new IOException("something is still mounted in " + dir + " (" + mountPoint + "); not removing it");
            }
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

}
