package dev.diyc.ns;

import dev.diyc.guard.Guard;
import dev.diyc.guard.HostNamespace;
import dev.diyc.guard.Restriction;
import dev.diyc.sys.Errno;
import dev.diyc.sys.Flags;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import dev.diyc.term.Sink;
import dev.diyc.term.UserError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The container context. It starts as a thread and a shell that share every namespace with the host;
 * each {@code unshare} peels namespaces off the thread and starts a new shell there, so the learner
 * sees isolation appear one namespace at a time. Ending it ends its shells and its thread, and with
 * them every namespace it made.
 *
 * <p>Its parts: {@link ContainerNamespaces} (its own), {@link ContainerPidNamespace} (its PID namespace), {@link ProcMount},
 * {@link UnshareSteps} (util-linux's unshare, from its thread), {@link RestrictedSpawns} (what capsh, seccomp took away).
 */
public final class Container extends Context {
    private final String name;
    private final Supplier<Map<String, String>> vars;
    private final ContainerPidNamespace pidNs;
    private final ContainerNamespaces namespaces;
    private final ProcMount procMount;
    private final ContainerGuard guard;
    private final ContainerSpawns spawns;
    /** Set once a helper has put the container's shell in a user namespace, which diyc's thread cannot enter. */
    private volatile UserNamespaceShell userNs;
    private volatile Learner suUser;
    private final RestrictedSpawns restricted = new RestrictedSpawns();

    /**
     * @param name what the learner types to reach it: {@code ctr}, {@code ctr2}, ...
     * @param vars the lab's variables ($CTR, $CTR2), read when each command runs
     */
    Container(String name, LabShared lab, Supplier<Map<String, String>> vars) {
        super(new NsThread("diyc-" + name, lab.playground(), lab.recorder()), lab.lifeline(), lab.background());
        this.name = name;
        this.vars = vars;
        this.pidNs = new ContainerPidNamespace();
        this.namespaces = new ContainerNamespaces(this, lab.hostNamespaces(), pidNs, lab.lifeline());
        this.procMount = new ProcMount(this, pidNs, lab.procfsPidns());
        this.guard = new ContainerGuard(name, lab.lifeline(), restricted::current);
        this.spawns = new ContainerSpawns(thread, pidNs, guard, lab.lifeline(), lab.background());
        this.shell = spawnShell(List.of("/bin/sh"), false);
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code CTR} for ctr, {@code CTR2} for ctr2: the variable that holds its host PID. */
    public String variable() {
        return name.toUpperCase(Locale.ROOT);
    }

    @Override
    protected Map<String, String> vars() {
        return vars.get();
    }

    /** True when the container has a namespace of this type of its own. */
    public boolean owns(Namespace n) {
        return namespaces.owns(n);
    }

    /** The namespaces it still shares with the host: what the guard of its programs is chosen by. */
    public Set<HostNamespace> sharedWithHost() {
        return namespaces.shared();
    }

    /** The guard its shell and the programs it starts run under now (see {@link ContainerGuard}). */
    public Guard guard() {
        return guard.of(sharedWithHost());
    }

    /** As every context runs a line, with diyc's words for what the guard stopped. */
    @Override
    public ShellSession.Result run(String line, Sink to) {
        ContainerGuard.Explaining explaining = guard.explaining(to, sharedWithHost());
        try {
            return super.run(line, explaining);
        } finally {
            explaining.flush();
        }
    }

    /** True while the container shares every namespace with the host (there is nothing to exit). */
    public boolean sharesEverything() {
        return namespaces.sharesEverything();
    }

    /** Whether the shell's root is no longer the host's (after pivot_root or chroot). */
    public boolean rootChanged() {
        return namespaces.rootChanged();
    }

    /** Refuses an operation that, with this namespace still shared, would change the host. */
    public void requireOwn(Namespace n, String what, String fix) {
        namespaces.requireOwn(n, what, fix);
    }

    /**
     * Does what util-linux's {@code unshare} does, from the container's thread: unshare(2) with the
     * requested flags, make mounts private, fork a shell (PID 1 in a new PID namespace), mount /proc.
     * A program that is not a shell is left for the caller to run in the new container.
     */
    public void unshare(UnshareRequest r, Consumer<String> say) {
        refuseInUserNamespace();
        // the cgroup namespace's helper is placed from the caller's thread: this session's calls
        recorder().on(() -> new UnshareSteps(this, r, say).run());
    }

    /** The new shell is PID 1 of a new PID namespace (after {@link UnshareSteps}): the namespace is the container's now. */
    void adoptPidNamespace(ShellSession init) {
        replaceEveryShell(init);
        pidNs.adopt(init);
    }

    /**
     * Starts the container's next shell through a single-threaded helper (util-linux's unshare with
     * {@code --user}), from the container's thread, so it inherits the thread's namespaces, root and
     * credentials; the helper makes the user namespace and the others. The old shell ends.
     *
     * @throws HelperFailed when the helper could not start the shell (what it printed went to {@code output})
     */
    public void unshareThroughHelper(List<String> helperArgv, long flags, boolean forks, Sink output) {
        refuseInUserNamespace();
        // The old shell ends, unless it is the init of the PID namespace the helper (and so the new
        // shell, even in a PID namespace of its own, nested there) was born in.
        replaceShell(spawns.throughHelper(shell, helperArgv, flags, forks, output, sharedWithHost()));
        userNs = new UserNamespaceShell(this, namespaces.host());
        namespaces.watchNew();
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

    @Override
    public String hostname() {
        return userNs != null ? userNs.hostname() : super.hostname();
    }

    /** Mounts a procfs at {@code target} that shows the container's processes (see {@link ProcMount}). */
    public void mountProc(String source, String target, long flags, Consumer<String> say) {
        procMount.mount(source, target, flags, say);
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
        pidNs.endAll();
        shell.end();
        shell = fresh;
    }

    /** The new shell takes over; the old one ends, unless it is the PID namespace's init. */
    void replaceShell(ShellSession fresh) {
        pidNs.replaced(shell);
        shell = fresh;
    }

    /**
     * Starts a shell from the container's thread; into the container's PID namespace when it has one.
     * It joins the old shell's cgroups from the caller's thread, so that thread records for this session.
     *
     * @param newPid the shell is PID 1 of a new PID namespace (made by the thread that spawns it)
     */
    ShellSession spawnShell(List<String> argv, boolean newPid) {
        return spawns.shell(shell, argv, newPid, sharedWithHost());
    }

    /** capsh --drop, seccomp --deny: a new shell lacking {@code more} too becomes the container's shell. */
    public void restrictShell(Restriction more) {
        refuseInUserNamespace();
        replaceShell(restricted.adding(more, () -> spawnShell(List.of("/bin/sh"), false)));
    }

    /** What this container's shells lack (capabilities, syscalls), or null while they lack nothing. */
    public Restriction restriction() {
        return restricted.current();
    }

    /** After an unshare: the lifeline learns the new namespaces. */
    void watchNewNamespaces() {
        namespaces.watchNew();
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
        return spawnInside("shell", argv, env, new int[] {0, 1, 2}, false);
    }

    /**
     * Starts a program from the container's thread as the container's shell would fork it: in its
     * namespaces (entered with nsenter for a user namespace), its PID namespace and its cgroups,
     * with the thread's root and working directory as they are now. The cgroup moves are made on the
     * caller's thread, which records for this session meanwhile.
     *
     * @param caller the command that starts it, named in the message when the program is missing
     * @return its host PID
     */
    public int spawnInside(String caller, List<String> argv, List<String> env, int[] stdio, boolean newSession) {
        return spawns.inside(shell, userNs, caller, argv, env, stdio, newSession, sharedWithHost());
    }

    /** Ends the container: the inits that held its PID namespace, its shells, its thread. */
    @Override
    public void close() {
        pidNs.closeInits();
        super.close();
        pidNs.close();
        namespaces.close();
    }
}
