package dev.diyc.ns;

import dev.diyc.sys.Errno;
import dev.diyc.sys.Flags;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import java.util.List;
import java.util.function.Consumer;

/**
 * What util-linux's {@code unshare} does, done from a container's thread: unshare(2) with the
 * requested flags, mounts made private, --root and --wd, a shell forked (PID 1 in a new PID
 * namespace), /proc mounted. One request, run once.
 */
final class UnshareSteps {
    private final Container ctr;
    private final UnshareRequest r;
    private final Consumer<String> say;

    UnshareSteps(Container ctr, UnshareRequest r, Consumer<String> say) {
        this.ctr = ctr;
        this.r = r;
        this.say = say;
    }

    void run() {
        int oldShell = ctr.pid();
        CgroupNamespaceRoot cgroupRoot = CgroupNamespaceRoot.prepare(r.flags(), oldShell, ctr.thread().tid(), say);
        ctr.thread().call(() -> {
            Syscalls.followCwdOf(oldShell);
            // CLONE_NEWPID is left to the thread that forks the shell (see ContainerPidNamespace.spawnGuarded)
            if ((r.flags() & ~Flags.CLONE_NEWPID) != 0) {
                cgroupRoot.unshare(r.flags() & ~Flags.CLONE_NEWPID, null);
            }
            setTimeOffsets();
            if ((r.flags() & Flags.CLONE_NEWNS) != 0 && r.propagation() != 0) {
                Syscalls.mount("none", "/", null, Flags.MS_REC | r.propagation(), null,
                        "as util-linux's unshare does: mounts made in here stay in here");
            }
            if (r.root() != null) {
                Syscalls.chroot(r.root(), null);
                Syscalls.chdir(r.wd() != null ? r.wd() : "/", null);
            } else if (r.wd() != null) {
                Syscalls.chdir(r.wd(), null);
            }
            return null;
        });
        // (pid_for_children cannot be read until the new PID namespace has its first process.)
        boolean newPid = (r.flags() & Flags.CLONE_NEWPID) != 0;
        if (newPid && !r.fork()) {
            say.accept("unshare(CLONE_NEWPID) never moves the caller: only its next child is PID 1. util-linux's unshare "
                    + "without --fork would run the shell in the old namespace and its first command would become PID 1 and "
                    + "exit, leaving a namespace nobody can enter (fork: ENOMEM). diyc forks the shell, as --fork does.");
        }
        ShellSession fresh = startShell(newPid);
        if (newPid) {
            ctr.adoptPidNamespace(fresh);
            say.accept("the new shell is PID 1 of the new PID namespace; the host knows it as PID " + fresh.pid());
        } else {
            ctr.replaceShell(fresh);
        }
        ctr.watchNewNamespaces();
        if (r.mountProc() != null) {
            mountProc();
        }
    }

    /**
     * A new time namespace's clocks are set from outside it, and only before anything runs in it: the
     * calling thread stays in the old one (its time_for_children is the new one), and the file is that
     * thread's own (/proc/thread-self/timens_offsets does not exist). The shell forked next freezes them.
     */
    private void setTimeOffsets() {
        if ((r.flags() & Flags.CLONE_NEWTIME) == 0 || r.offsets().isNone()) {
            return;
        }
        String file = "/proc/" + ctr.thread().tid() + "/timens_offsets";
        String why = "this thread's own file: its time_for_children is the new namespace, which nothing has entered yet";
        for (String offset : r.offsets().writes()) {
            Syscalls.writeFile(file, offset, why);
            why = null;
        }
    }

    /** The program when it is a shell, else /bin/sh (the program is the caller's to run then). */
    private ShellSession startShell(boolean newPid) {
        List<String> program = r.program().isEmpty() ? List.of("/bin/sh") : r.program();
        boolean programIsShell = UnshareRequest.isShell(program);
        try {
            return ctr.spawnShell(programIsShell ? program : List.of("/bin/sh"), newPid);
        } catch (SyscallException e) {
            throw new ShellStartFailed("could not start " + (programIsShell ? program.get(0) : "/bin/sh")
                    + " in the new namespaces (" + Errno.message(e.errno()) + "): is it in the container's root?");
        }
    }

    private void mountProc() {
        // As util-linux: the recursive private / already covers an existing /proc, unless another
        // propagation was asked for (and after --root, /proc is very likely not mounted at all).
        if (r.root() == null && r.propagation() != Flags.MS_PRIVATE) {
            ctr.thread().call(() -> {
                Syscalls.mount("none", r.mountProc(), null, Flags.MS_PRIVATE | Flags.MS_REC, null,
                        "util-linux's --mount-proc first makes the old /proc private");
                return null;
            });
        }
        ctr.mountProc("proc", r.mountProc(), Flags.MS_NOSUID | Flags.MS_NODEV | Flags.MS_NOEXEC, say);
    }
}
