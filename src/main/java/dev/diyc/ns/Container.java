package dev.diyc.ns;

import dev.diyc.term.ShellQuote;
import dev.diyc.term.Sink;
import dev.diyc.term.UserError;
import dev.diyc.sys.Errno;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.Spawn;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The container context. It starts as a thread and a shell that share every namespace with the host;
 * each {@code unshare} peels namespaces off the thread and starts a new shell there, so the learner
 * sees isolation appear one namespace at a time. Ending it ends its shells and its thread, and with
 * them every namespace it made.
 */
public final class Container extends Context {
    private static final String BACK_TO_HOST_PID = "diyc's thread puts its future children back in the host's PID namespace: "
            + "a thread whose children land in a new PID namespace cannot start JVM threads";
    private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh", "mksh");

    private final HostNamespaces host;
    /** Earlier shells that are a PID namespace's init: if they exited, the namespace would end. */
    private final List<ShellSession> inits = new ArrayList<>();
    private final Set<String> watched = new LinkedHashSet<>();
    /**
     * Whether to name the PID namespace for procfs (Linux 6.18+). {@code -Ddiyc.procfs.pidns=false}
     * takes the older kernels' way on any kernel, so that path is tested too.
     */
    private static volatile boolean procPidnsOption = !"false".equals(System.getProperty("diyc.procfs.pidns"));
    /** The container's PID namespace (an fd on it), or -1 while it shares the host's. */
    private int pidNsFd = -1;
    /** Set once a helper has put the container's shell in a user namespace, which diyc's thread cannot enter. */
    private volatile UserNamespaceShell userNs;
    private volatile Learner suUser;

    private final String name;
    private final java.util.function.Supplier<Map<String, String>> vars;

    /**
     * @param name what the learner types to reach it: {@code ctr}, {@code ctr2}, ...
     * @param vars the lab's variables ($CTR, $CTR2), read when each command runs
     */
    public Container(String name, Path playground, Lifeline lifeline, Sink background, HostNamespaces host,
            Recorder recorder, java.util.function.Supplier<Map<String, String>> vars) {
        super(new NsThread("diyc-" + name, playground, recorder), lifeline, background);
        this.name = name;
        this.vars = vars;
        this.host = host;
        this.shell = spawnShell(List.of("/bin/sh"), false);
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code CTR} for ctr, {@code CTR2} for ctr2: the variable that holds its host PID. */
    public String variable() {
        return name.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    protected Map<String, String> vars() {
        return vars.get();
    }

    /** True when the container has a namespace of this type of its own. */
    public boolean owns(Namespace n) {
        if (userNs != null) {
            return userNs.owns(n);
        }
        if (n == Namespace.PID || n == Namespace.PID_FOR_CHILDREN) {
            return pidNsFd >= 0;
        }
        String mine = n.of(thread.procDir());
        return mine != null && !mine.equals(host.id(n));
    }

    /** True while the container shares every namespace with the host (there is nothing to exit). */
    public boolean sharesEverything() {
        for (Namespace n : Namespace.values()) {
            if (owns(n)) {
                return false;
            }
        }
        return !rootChanged();
    }

    /** Whether the shell's root is no longer the host's (after pivot_root or chroot). */
    public boolean rootChanged() {
        try {
            return !java.nio.file.Files.isSameFile(proc().resolve("root"), Path.of("/proc/self/root"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Refuses an operation that, with this namespace still shared, would change the host. */
    public void requireOwn(Namespace n, String what, String fix) {
        if (!owns(n)) {
            throw new UserError("the container still shares the host's " + n.procName() + " namespace, so " + what
                    + " would change the host. Unshare it first: " + fix);
        }
    }

    /** The namespaces were made but no shell could start in them: the container must be ended. */
    public static final class ShellStartFailed extends UserError {
        private static final long serialVersionUID = 1L;

        ShellStartFailed(String message) {
            super(message);
        }
    }

    /** What {@code unshare} asks for, in util-linux's terms. */
    public record UnshareRequest(long flags, long propagation, boolean fork, String mountProc, String root, String wd,
            List<String> program) {}

    /**
     * Does what util-linux's {@code unshare} does, from the container's thread: unshare(2) with the
     * requested flags, make mounts private, fork a shell (PID 1 in a new PID namespace), mount /proc.
     * A program that is not a shell is left for the caller to run in the new container.
     */
    public void unshare(UnshareRequest r, Consumer<String> say) {
        refuseInUserNamespace();
        int oldShell = pid();
        CgroupNamespaceRoot cgroupRoot = CgroupNamespaceRoot.prepare(r.flags(), oldShell, thread.tid(), say);
        thread.call(() -> {
            Syscalls.followCwdOf(oldShell);
            cgroupRoot.unshare(r.flags(), null);
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
        List<String> program = r.program().isEmpty() ? List.of("/bin/sh") : r.program();
        boolean programIsShell = isShell(program);
        ShellSession fresh;
        try {
            fresh = spawnShell(programIsShell ? program : List.of("/bin/sh"), newPid);
        } catch (SyscallException e) {
            throw new ShellStartFailed("could not start " + (programIsShell ? program.get(0) : "/bin/sh")
                    + " in the new namespaces (" + Errno.message(e.errno()) + "): is it in the container's root?");
        }
        if (newPid) {
            replaceEveryShell(fresh);
            pidNsFd = Syscalls.openHostProc(fresh.pid() + "/ns/pid", "/proc/" + fresh.pid() + "/ns/pid");
            say.accept("the new shell is PID 1 of the new PID namespace; the host knows it as PID " + fresh.pid());
        } else {
            replaceShell(fresh);
        }
        watchNewNamespaces();
        if (r.mountProc() != null) {
            // As util-linux: the recursive private / already covers an existing /proc, unless another
            // propagation was asked for (and after --root, /proc is very likely not mounted at all).
            if (r.root() == null && r.propagation() != Flags.MS_PRIVATE) {
                thread.call(() -> {
                    Syscalls.mount("none", r.mountProc(), null, Flags.MS_PRIVATE | Flags.MS_REC, null,
                            "util-linux's --mount-proc first makes the old /proc private");
                    return null;
                });
            }
            mountProc("proc", r.mountProc(), Flags.MS_NOSUID | Flags.MS_NODEV | Flags.MS_NOEXEC, say);
        }
    }

    /**
     * Starts the container's next shell through a single-threaded helper (util-linux's unshare with
     * {@code --user}), from the container's thread, so it inherits the thread's namespaces, root and
     * credentials; the helper makes the user namespace and the others. The old shell ends.
     *
     * @throws ShellSession.HelperFailed when the helper could not start the shell (what it printed went to {@code output})
     */
    public void unshareThroughHelper(List<String> helperArgv, boolean forks, Sink output) {
        refuseInUserNamespace();
        int oldShell = pid();
        ShellSession model = shell;
        ShellSession fresh = ShellSession.startThroughHelper(stdio -> CgroupBirth.like(model, thread.call(() -> {
            Syscalls.followCwdOf(oldShell);
            return inPidNamespace(false, () -> Spawn.spawn(helperArgv, HostEnv.get(), stdio, true));
        })), lifeline, background, output, helperArgv.get(0), forks);
        replaceEveryShell(fresh);
        userNs = new UserNamespaceShell(this, host);
        watchNewNamespaces();
    }

    /** Non-null once the container's shell is in a user namespace of its own (see {@link UserNamespaceShell}). */
    public UserNamespaceShell userNamespace() {
        return userNs;
    }

    private void refuseInUserNamespace() {
        if (userNs != null) {
            throw new UserError(UserNamespaceShell.NO_MORE_UNSHARE);
        }
    }

    /**
     * {@code su USER}: the container's thread takes the user's credentials (only that thread: the rest
     * of diyc stays root), and a new shell starts as that user. Everything the container does from
     * now on, the syscalls diyc makes for it included, is done as an ordinary user.
     */
    public void su(Learner user) {
        if (!sharesEverything()) {
            throw new UserError("su comes first, while the container still shares every namespace with the host: exit, then su "
                    + user.name());
        }
        thread.call(() -> {
            Syscalls.becomeUser(user.uid(), user.gid(), user.groups(),
                    "only diyc's container thread becomes " + user.name() + ": credentials belong to a thread, as namespaces do");
            return null;
        });
        replaceShell(spawnShell(List.of("/bin/sh"), false));
        suUser = user;
    }

    /** The user {@code su} made the container run as, or null. */
    public Learner suUser() {
        return suUser;
    }

    /** su without printing the calls (a fresh container after exit stays the user it was); null: nothing to do. */
    public void suQuietly(Learner user) {
        if (user != null) {
            recorder().quietly(() -> su(user));
        }
    }

    /** The user and group the container's thread acts as on the host, from its /proc status: {uid, gid}. */
    public int[] hostIds() {
        int[] ids = {-1, -1};
        try {
            for (String line : java.nio.file.Files.readAllLines(thread.procDir().resolve("status"))) {
                if (line.startsWith("Uid:") || line.startsWith("Gid:")) {
                    ids[line.startsWith("Uid:") ? 0 : 1] = Integer.parseInt(line.split("\\s+")[1]);
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // the thread is gone: the container is closing
        }
        return ids;
    }

    @Override
    public String hostname() {
        return userNs != null ? userNs.hostname() : super.hostname();
    }

    /** A shell becomes the container's shell; any other program runs once in the new container. */
    public static boolean isShell(List<String> program) {
        return !program.isEmpty() && SHELLS.contains(Path.of(program.get(0)).getFileName().toString());
    }

    /**
     * Mounts a procfs at {@code target}. A procfs shows the PID namespace of the task that mounts it,
     * and diyc's thread is still in the host's, so for a container with its own PID namespace diyc
     * names that namespace explicitly (procfs's pidns option, Linux 6.18+); on older kernels it asks
     * the container's shell, which is inside, to do the mount.
     */
    public void mountProc(String source, String target, long flags, Consumer<String> say) {
        if (pidNsFd < 0) {
            inShellCwd(() -> {
                Syscalls.mount(source, target, "proc", flags, null, null);
                return null;
            });
            return;
        }
        if (procPidnsOption) {
            try {
                mountProcForPidNs(source, target);
                return;
            } catch (SyscallException e) {
                if (!(e.call().name().equals("fsconfig") && e.errno() == Errno.EINVAL)) {
                    throw e;
                }
                procPidnsOption = false; // this kernel has no pidns= option; do not try again
            }
        }
        say.accept("diyc cannot tell procfs here which PID namespace to show (that needs Linux 6.18), and a procfs shows "
                + "the PID namespace of whoever mounts it; so the container's own shell, which is inside, runs: mount -t proc "
                + source + " " + target);
        ShellSession.Result res = run("mount -t proc " + ShellQuote.word(source) + " " + ShellQuote.word(target), new Sink.Capture());
        if (!res.ok()) {
            throw new UserError("the container's shell could not mount proc on " + target + " (status " + res.status() + ")");
        }
    }

    private void mountProcForPidNs(String source, String target) {
        inShellCwd(() -> {
            int fs = Syscalls.fsopen("proc", "a mount(2) from diyc's thread would show the host's processes: "
                    + "a procfs belongs to the PID namespace of whoever mounts it, and this thread is in the host's");
            try {
                Syscalls.fsconfigSetString(fs, "source", source, null);
                Syscalls.fsconfigSetFd(fs, "pidns", pidNsFd, "so diyc names the container's PID namespace explicitly");
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

    /** chroot(2) on the container's thread, then a new shell there, which becomes the container's shell. */
    public void chrootShell(String dir) {
        int oldShell = pid();
        inShellCwd(() -> {
            Syscalls.chroot(dir, null);
            Syscalls.chdir("/", null);
            return null;
        });
        try {
            replaceShell(spawnShell(List.of("/bin/sh"), false));
        } catch (SyscallException e) {
            thread.call(() -> {
                Syscalls.followRootOf(oldShell);
                return null;
            });
            throw new UserError("chroot: failed to run command '/bin/sh' in " + dir + ": " + Errno.message(e.errno()));
        }
    }

    /**
     * A new shell, started wherever the container's thread now is (its root and working directory),
     * becomes the container's shell: for a command that moved the thread's root with calls of its own.
     */
    public void shellFromThread() {
        replaceShell(spawnShell(List.of("/bin/sh"), false));
    }

    /** The new shell takes over in namespaces of its own: the old shell and the old PID namespace's inits end. */
    private void replaceEveryShell(ShellSession fresh) {
        for (ShellSession init : inits) {
            init.end();
        }
        inits.clear();
        shell.end();
        shell = fresh;
        if (pidNsFd >= 0) {
            Syscalls.close(pidNsFd);
            pidNsFd = -1;
        }
    }

    /** The new shell takes over; the old one ends, unless it is the PID namespace's init. */
    private void replaceShell(ShellSession fresh) {
        ShellSession old = shell;
        if (pidNsFd >= 0 && inits.isEmpty()) {
            inits.add(old);
        } else {
            old.end();
        }
        shell = fresh;
    }

    /** Starts a shell from the container's thread; into the container's PID namespace when it has one. */
    private ShellSession spawnShell(List<String> argv, boolean pidAlreadyNew) {
        ShellSession model = shell;
        return ShellSession.start(stdio -> CgroupBirth.like(model, thread.call(() -> inPidNamespace(pidAlreadyNew,
                () -> Spawn.spawn(argv, HostEnv.get(), stdio, true)))), lifeline, background);
    }

    /**
     * Starts a program on the learner's terminal (diyc's own stdin, stdout, stderr), in the container's
     * namespaces, root and working directory, in diyc's process group so Ctrl-C reaches it.
     *
     * @return its host PID
     */
    public int spawnOnTerminal(List<String> argv, List<String> env) {
        int shellPid = pid();
        if (userNs == null) {
            thread.call(() -> {
                Syscalls.followCwdOf(shellPid);
                return null;
            });
        }
        // the cgroup moves are made on the caller's thread (the REPL's): they are this session's calls
        return recorder().on(() -> spawnInside("shell", argv, env, new int[] {0, 1, 2}, false));
    }

    /**
     * Starts a program from the container's thread as the container's shell would fork it: in its
     * namespaces (entered with nsenter for a user namespace), its PID namespace and its cgroups,
     * with the thread's root and working directory as they are now.
     *
     * @param caller the command that starts it, named in the message when the program is missing
     * @return its host PID
     */
    public int spawnInside(String caller, List<String> argv, List<String> env, int[] stdio, boolean newSession) {
        if (userNs != null) {
            return CgroupBirth.gated(shell, caller, argv, stdio, (a, fds) -> thread.call(() -> Spawn.spawn(userNs.nsenter(a), env, fds, newSession)));
        }
        return CgroupBirth.gated(shell, caller, argv, stdio,
                (a, fds) -> thread.call(() -> inPidNamespace(false, () -> Spawn.spawn(a, env, fds, newSession))));
    }

    /**
     * Runs a spawn (on the container's thread) so its child lands in the container's PID namespace,
     * then puts the thread's children back in the host's.
     *
     * @param pidAlreadyNew the thread has just unshared CLONE_NEWPID: its next child is that namespace's init
     */
    private int inPidNamespace(boolean pidAlreadyNew, java.util.function.IntSupplier spawn) {
        boolean enter = !pidAlreadyNew && pidNsFd >= 0;
        if (enter) {
            Syscalls.setns(pidNsFd, Flags.CLONE_NEWPID, "so that the new process starts inside the container's PID namespace");
        }
        try {
            return spawn.getAsInt();
        } finally {
            if (enter || pidAlreadyNew) {
                Syscalls.setns(host.pidFd(), Flags.CLONE_NEWPID, BACK_TO_HOST_PID);
            }
        }
    }

    private void watchNewNamespaces() {
        for (Namespace n : Namespace.values()) {
            // The shell's namespaces are the container's (the thread's own PID namespace never changes).
            String id = n.of(proc());
            if (id != null && !id.equals(host.id(n)) && watched.add(id)) {
                lifeline.watchNamespace(id);
            }
        }
    }

    /** Ends the container: its shells, the inits that held its PID namespace, its thread. */
    @Override
    public void close() {
        for (ShellSession init : inits) {
            init.close();
        }
        super.close();
        if (pidNsFd >= 0) {
            Syscalls.close(pidNsFd);
        }
        for (String id : watched) {
            lifeline.forgetNamespace(id);
        }
    }
}
