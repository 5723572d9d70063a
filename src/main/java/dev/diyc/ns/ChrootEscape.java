package dev.diyc.ns;

import dev.diyc.sys.Syscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * The classic way out of a chroot, made for real by a context's thread, which is a root task whose
 * root is the jail. In C it is a dozen lines:
 *
 * <pre>
 *   chroot("bin");                          // the root moves down; the working directory stays above it
 *   for (i = 0; i &lt; 1024; i++) chdir(".."); // ".." only stops at the root, and the root is below
 *   chroot(".");                            // the top becomes the root
 * </pre>
 *
 * <p>Instead of a blind 1024, the climb stops at the first {@code chdir("..")} that does not move: the
 * real root, or the top of the thread's own root mount after pivot_root. Where the thread stands is
 * read from the calling thread through /proc/self/task/TID.
 */
public final class ChrootEscape {
    /** More than any directory is deep; the climb stops long before. */
    private static final int MAX_CLIMBS = 64;

    /** @param climbs the chdir("..") calls made, the last of which did not move; {@code top} where they ended */
    public record Result(int climbs, String top) {}

    private ChrootEscape() {}

    /**
     * Escapes from where {@code thread} stands (its root and working directory). Must be called from a
     * thread with the host's root. On failure the thread may be left anywhere on the way: the caller
     * puts it back.
     *
     * @param dir a directory below the working directory to chroot into (the classic code makes one)
     * @param say explanations between the calls
     */
    public static Result climbOut(NsThread thread, String dir, Consumer<String> say) {
        thread.call(() -> {
            Syscalls.chroot(dir, null);
            return null;
        });
        Object here = key(thread, "cwd");
        if (here.equals(key(thread, "root"))) {
            say.accept("the thread's root is now " + where(thread, "root") + ", and that is also its working directory: "
                    + "'..' stops right there (DIR must be below the working directory)");
        } else {
            say.accept("the thread's root is now " + where(thread, "root") + ", but its working directory stayed at "
                    + where(thread, "cwd") + ", outside the new root: nothing stops '..' there");
        }
        int climbs = 0;
        while (climbs < MAX_CLIMBS) {
            thread.call(() -> {
                Syscalls.chdir("..", null);
                return null;
            });
            climbs++;
            Object now = key(thread, "cwd");
            if (now.equals(here)) {
                say.accept("still at " + where(thread, "cwd") + ": '..' of the top directory is the directory itself, so the climb ends");
                break;
            }
            say.accept("now at " + where(thread, "cwd"));
            here = now;
        }
        String top = where(thread, "cwd");
        thread.call(() -> {
            Syscalls.chroot(".", null);
            return null;
        });
        return new Result(climbs, top);
    }

    /**
     * The thread's root or working directory as /proc names it to the calling thread: a host path for a
     * directory the host's root reaches, a path from the top of the thread's own root mount otherwise.
     */
    private static String where(NsThread thread, String link) {
        try {
            return Files.readSymbolicLink(thread.procDir().resolve(link)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The identity (device and inode) of the thread's root or working directory. */
    private static Object key(NsThread thread, String link) {
        try {
            return Files.readAttributes(thread.procDir().resolve(link), BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
