package dev.diyc.cgroup;

import dev.diyc.sys.Arg;
import dev.diyc.sys.Call;
import dev.diyc.sys.Errno;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import java.nio.file.Path;
import java.util.List;

/** The cgroup changes as diyc makes them: recorded system calls, printed strace-style. */
final class SyscallFs implements Cgroups.Fs {
    /** How long rmdir waits for processes that were killed or moved but have not finished exiting. */
    private static final long PATIENCE_MS = 3000;

    @Override
    public void write(Path file, String content, String note) {
        Syscalls.writeFile(file.toString(), content, note);
    }

    @Override
    public void mkdir(Path dir, String note) {
        Syscalls.mkdir(dir.toString(), 0755, note);
    }

    /**
     * A cgroup whose last process is still exiting (killed a moment ago with its container) answers
     * EBUSY for a little while: diyc tries again quietly and prints the one call that settled it.
     */
    @Override
    public void rmdir(Path dir, String note) {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        while (true) {
            try {
                Recorder.current().quietly(() -> Syscalls.rmdir(dir.toString(), note));
                Recorder.record(new Call("rmdir", List.of(Arg.str(dir.toString())), 0, 0, note));
                return;
            } catch (SyscallException e) {
                if (e.errno() != Errno.EBUSY || System.currentTimeMillis() > deadline) {
                    Recorder.record(e.call());
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
