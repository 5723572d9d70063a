package dev.diyc.ns;

import dev.diyc.rootfs.Rootfs;
import dev.diyc.rootfs.TreeDeleter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        TreeDeleter.delete(dir);
    }
}
