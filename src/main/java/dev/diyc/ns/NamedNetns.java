package dev.diyc.ns;

import dev.diyc.term.ShellQuote;
import dev.diyc.term.UserError;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Named network namespaces, as {@code ip netns add NAME} makes them: a namespace lives while a
 * process is in it or something holds it open, and a bind mount of its nsfs file onto
 * {@code /run/netns/NAME} holds it with no process at all. That mount is a change to the host's
 * mount table, so diyc records it and undoes it like the links it makes.
 */
public final class NamedNetns {
    public static final Path DIR = Path.of("/run/netns");

    private NamedNetns() {}

    public static Path path(String name) {
        if (!name.matches("[A-Za-z0-9_.-]{1,64}") || name.startsWith(".")) {
            throw new UserError("ip netns: \"" + name + "\" is not a name diyc takes (letters, digits, - _ .)");
        }
        return DIR.resolve(name);
    }

    /**
     * {@code ip netns add NAME}, made the way iproute2 makes it: the mount point file, then a thread
     * of its own that unshares CLONE_NEWNET and bind-mounts its namespace there. The thread ends;
     * the mount keeps the namespace. Call from a thread in the host's mount namespace.
     *
     * @return whether /run/netns itself was made (then it goes too when the last name goes)
     */
    public static boolean add(String name) {
        Path file = path(name);
        if (Files.exists(file)) {
            throw new UserError("ip netns add: " + name + " exists already (ip netns list shows the names)");
        }
        boolean madeDir = !Files.isDirectory(DIR);
        if (madeDir) {
            Syscalls.mkdir(DIR.toString(), 0755, "named network namespaces live here, as iproute2 keeps them");
        }
        Syscalls.createFile(file.toString(), 0, "the mount point: an empty file");
        try (NsThread t = new NsThread("diyc-netns-" + name, Path.of("/"), Recorder.current())) {
            t.call(() -> {
                Syscalls.unshare(Flags.CLONE_NEWNET, "a new network namespace, for this one thread of diyc's");
                Syscalls.mount("/proc/thread-self/ns/net", file.toString(), null, Flags.MS_BIND, null,
                        "the bind mount holds the namespace after the thread is gone");
                return null;
            });
        } catch (SyscallException e) {
            Syscalls.unlink(file.toString(), null);
            throw e;
        }
        return madeDir;
    }

    /** {@code ip netns del NAME}: the mount goes, the file goes, and with no process in it the namespace ends. */
    public static void delete(String name, boolean removeDir) {
        Path file = path(name);
        if (!Files.exists(file)) {
            throw new UserError("ip netns del: there is no network namespace named " + name + " (ip netns list)");
        }
        Syscalls.umount2(file.toString(), Flags.MNT_DETACH);
        Syscalls.unlink(file.toString(), null);
        if (removeDir && list().isEmpty()) {
            Syscalls.rmdir(DIR.toString(), "diyc made it; it is empty again");
        }
    }

    /** The names in /run/netns, sorted. */
    public static List<String> list() {
        if (!Files.isDirectory(DIR)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** What the lifeline runs for NAME if diyc is killed before it undoes the namespace. */
    static String undoCommand(String name, boolean removeDir) {
        String f = ShellQuote.word(path(name).toString());
        return "umount -l " + f + "; rm -f " + f + (removeDir ? "; rmdir " + ShellQuote.word(DIR.toString()) : "");
    }
}
