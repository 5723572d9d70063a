package dev.diyc.ns;

import dev.diyc.sys.Fds;
import dev.diyc.sys.Spawn;
import dev.diyc.sys.Syscalls;
import dev.diyc.term.Sink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** Runs one program from a context's thread (inheriting its namespaces and root) and waits for it. */
public final class OneShot {
    private OneShot() {}

    /** @return the exit status as a shell reports it */
    public static int run(NsThread thread, List<String> argv, Sink to) {
        return run(stdio -> thread.call(() -> Spawn.spawn(argv, HostEnv.get(), stdio, true)), to);
    }

    /**
     * @param launcher starts the program with the fds given as its 0, 1 and 2, returns its PID
     * @return the exit status as a shell reports it
     */
    public static int run(ShellSession.Launcher launcher, Sink to) {
        int[] out = Fds.pipe();
        int[] err = Fds.pipe();
        // Opened here, on a thread with the host's root: the program's root may have no /dev.
        int devNull = Syscalls.open("/dev/null", Syscalls.O_RDONLY);
        int pid;
        try {
            pid = launcher.launch(new int[] {devNull, out[1], err[1]});
        } finally {
            Fds.close(out[1]);
            Fds.close(err[1]);
            Syscalls.close(devNull);
        }
        Thread errPump = pump(err[0], to::err);
        pumpInline(out[0], to::out);
        try {
            errPump.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Fds.waitFor(pid);
    }

    private static Thread pump(int fd, Consumer<String> to) {
        Thread t = new Thread(() -> pumpInline(fd, to), "diyc-oneshot-" + fd);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void pumpInline(int fd, Consumer<String> to) {
        byte[] buf = new byte[8192];
        try (InputStream in = Fds.in(fd)) {
            int n;
            while ((n = in.read(buf, 0, buf.length)) > 0) {
                to.accept(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the program is gone
        }
    }
}
