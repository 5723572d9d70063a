package dev.diyc.ns;

import dev.diyc.sys.Errno;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import dev.diyc.term.ShellQuote;
import dev.diyc.term.Sink;
import dev.diyc.term.UserError;
import java.util.function.Consumer;

/**
 * Mounting a procfs for a container. A procfs shows the PID namespace of the task that mounts it,
 * and diyc's thread is still in the host's, so for a container with its own PID namespace diyc
 * names that namespace explicitly (procfs's pidns option, Linux 6.18+); on older kernels it asks
 * the container's shell, which is inside, to do the mount.
 */
final class ProcMount {
    private final Container ctr;
    private final ContainerPidNamespace pidNs;
    private final ProcfsPidns pidnsOption;

    ProcMount(Container ctr, ContainerPidNamespace pidNs, ProcfsPidns pidnsOption) {
        this.ctr = ctr;
        this.pidNs = pidNs;
        this.pidnsOption = pidnsOption;
    }

    void mount(String source, String target, long flags, Consumer<String> say) {
        if (!pidNs.exists()) {
            ctr.inShellCwd(() -> {
                Syscalls.mount(source, target, "proc", flags, null, null);
                return null;
            });
            return;
        }
        if (pidnsOption.usable()) {
            try {
                mountForPidNs(source, target);
                return;
            } catch (SyscallException e) {
                if (!(e.call().name().equals("fsconfig") && e.errno() == Errno.EINVAL)) {
                    throw e;
                }
                pidnsOption.unsupported(); // this kernel has no pidns= option; do not try again
            }
        }
        say.accept("diyc cannot tell procfs here which PID namespace to show (that needs Linux 6.18), and a procfs shows "
                + "the PID namespace of whoever mounts it; so the container's own shell, which is inside, runs: mount -t proc "
                + source + " " + target);
        ShellSession.Result res = ctr.run("mount -t proc " + ShellQuote.word(source) + " " + ShellQuote.word(target), new Sink.Capture());
        if (!res.ok()) {
            throw new UserError("the container's shell could not mount proc on " + target + " (status " + res.status() + ")");
        }
    }

    private void mountForPidNs(String source, String target) {
        ctr.inShellCwd(() -> {
            int fs = Syscalls.fsopen("proc", "a mount(2) from diyc's thread would show the host's processes: "
                    + "a procfs belongs to the PID namespace of whoever mounts it, and this thread is in the host's");
            try {
                Syscalls.fsconfigSetString(fs, "source", source, null);
                Syscalls.fsconfigSetFd(fs, "pidns", pidNs.fd(), "so diyc names the container's PID namespace explicitly");
                Syscalls.fsconfigCreate(fs, null);
                int mnt = Syscalls.fsmount(fs, null);
                try {
                    Syscalls.moveMount(mnt, target, "attach it at " + target);
                } finally {
                    Syscalls.close(mnt);
                }
            } finally {
                Syscalls.close(fs);
            }
            return null;
        });
    }
}
