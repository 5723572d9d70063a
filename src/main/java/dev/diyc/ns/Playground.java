package dev.diyc.ns;

import dev.diyc.rootfs.Rootfs;
import dev.diyc.rootfs.TreeDeleter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The directory both contexts start in, holding {@code rootfs/}, a fresh copy of the image, so the
 * posts' relative paths work as written ({@code mount --bind rootfs rootfs}) and a learner's changes
 * to the root filesystem never touch the image. One per session, removed when it ends.
 */
public final class Playground {
    private static final String PREFIX = "diyc-playground.";
    /** Sessions opened so far by this process: tests open several in one JVM, each needs its own. */
    private static final AtomicInteger OPENED = new AtomicInteger();

    private Playground() {}

    public static Path create(Path image) throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        removeStale(base);
        // diyc-playground.PID for a process's first session (what a learner's diyc has), then PID-2, PID-3...:
        // a closed session's lifeline removes its playground in the background, so a name is never reused.
        int n = OPENED.incrementAndGet();
        Path dir = base.resolve(PREFIX + ProcessHandle.current().pid() + (n == 1 ? "" : "-" + n));
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
                String pid = d.getFileName().toString().substring(PREFIX.length()).replaceFirst("-\\d+$", "");
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
