package dev.diyc.ns;

import dev.diyc.term.ShellQuote;
import dev.diyc.term.Sink;
import dev.diyc.term.UserError;
import dev.diyc.sys.Flags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A container whose shell is in a user namespace of its own. The kernel lets no multi-threaded process
 * create or enter a user namespace, and the JVM has many threads, so a single-threaded helper made it
 * (util-linux's {@code unshare --user ...}) and diyc's own thread stays outside. What diyc usually does
 * itself in the container (hostname, mount, pivot_root...) is done by the container's own programs,
 * through its shell; what diyc reads (namespaces, mounts, files) it still reads through /proc/PID.
 */
public final class UserNamespaceShell {
    /** The helper, found on the PATH diyc gives its programs. */
    public static final String HELPER = "unshare";

    static final String NO_MORE_UNSHARE = "this container is in a user namespace that diyc's threads cannot enter, so diyc cannot "
            + "give it more namespaces: exit it, then ask for every namespace in one unshare, as post 004 does "
            + "(unshare --user --map-root-user --uts --ipc --pid --fork --mount --mount-proc --root=rootfs sh)";

    private final Container ctr;
    private final HostNamespaces host;
    private volatile boolean told;

    UserNamespaceShell(Container ctr, HostNamespaces host) {
        this.ctr = ctr;
        this.host = host;
    }

    /** The kernel's rule and runc's way around it, in one paragraph, before diyc names its own helper. */
    public static String whyAHelper(int threads, List<String> helperArgv) {
        return "the kernel lets a process create or enter a user namespace only while it has a single thread: user IDs and "
                + "capabilities belong to every thread of a process at once, and they must change for all of them together. "
                + "This JVM has " + threads + " threads. runc meets the same rule with Go, whose runtime starts threads at once, and "
                + "gets around it with C code (nsexec) that runs before the Go runtime starts. diyc starts a small single-threaded "
                + "helper instead, util-linux's unshare (" + locate(HELPER) + "), from the container's thread: it makes the "
                + "namespaces and becomes the container's shell:";
    }

    /**
     * util-linux's unshare, asked for what the learner asked diyc for; its shell is the container's next
     * shell. {@code --kill-child}: if the helper dies, so does the shell it forked.
     */
    public static List<String> helperArgv(UnshareRequest r, boolean mapRoot, String shell) {
        if (locate(HELPER) == null) {
            throw new UserError("this step needs util-linux's unshare program (apt-get install util-linux), and it is not on the PATH");
        }
        List<String> a = new ArrayList<>(List.of(HELPER, "--user"));
        if (mapRoot) {
            a.add("--map-root-user");
        }
        long f = r.flags();
        for (Object[] o : new Object[][] {{Flags.CLONE_NEWUTS, "--uts"}, {Flags.CLONE_NEWIPC, "--ipc"}, {Flags.CLONE_NEWNET, "--net"},
                {Flags.CLONE_NEWCGROUP, "--cgroup"}, {Flags.CLONE_NEWTIME, "--time"}, {Flags.CLONE_NEWNS, "--mount"},
                {Flags.CLONE_NEWPID, "--pid"}}) {
            if ((f & (Long) o[0]) != 0) {
                a.add((String) o[1]);
            }
        }
        a.addAll(r.offsets().options());
        if (forks(r)) {
            a.add("--fork");
            a.add("--kill-child");
        }
        if (r.mountProc() != null) {
            a.add("--mount-proc=" + r.mountProc());
        }
        if ((f & Flags.CLONE_NEWNS) != 0 && r.propagation() != Flags.MS_PRIVATE) {
            a.add("--propagation=" + (r.propagation() == Flags.MS_SHARED ? "shared" : r.propagation() == Flags.MS_SLAVE ? "slave" : "unchanged"));
        }
        if (r.root() != null) {
            a.add("--root=" + r.root());
        }
        if (r.wd() != null) {
            a.add("--wd=" + r.wd());
        }
        a.add("--");
        a.add(shell);
        return a;
    }

    /** A new PID (or time) namespace takes effect for children only: the helper forks the shell, as --fork does. */
    public static boolean forks(UnshareRequest r) {
        return (r.flags() & (Flags.CLONE_NEWPID | Flags.CLONE_NEWTIME)) != 0;
    }

    /** The program's full path on diyc's PATH, or null. */
    static String locate(String program) {
        for (String dir : HostEnv.path().split(":")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    boolean owns(Namespace n) {
        String mine = ctr.namespace(n);
        return mine != null && !mine.equals(host.id(n));
    }

    /** The container's hostname, as its own hostname program reads it: diyc's thread is in another UTS namespace. */
    String hostname() {
        return ctr.capture("hostname 2>&1 || uname -n").strip();
    }

    /**
     * Runs a command diyc usually makes itself as the container's own program instead, saying so: the
     * first time with the reason, after that in a word.
     */
    public int runAsProgram(List<String> words, Sink out, Consumer<String> say) {
        if (!told) {
            told = true;
            say.accept("diyc's thread is outside this container's user namespace (it cannot enter one), so " + words.get(0)
                    + " and the other commands diyc usually makes itself run as the container's own programs; as its root "
                    + "they may change only what its user namespace owns");
        } else {
            say.accept("the container's own " + words.get(0));
        }
        return ctr.run(ShellQuote.line(words), out).status();
    }

    /**
     * A program run from the host inside the container's namespaces, root and working directory, by
     * util-linux's nsenter: only the namespaces the container has of its own (the user namespace
     * first), since the ones it shares with the host belong to the host's user namespace, which
     * nsenter may not go back to once it is inside the container's.
     */
    List<String> nsenter(List<String> argv) {
        List<String> a = new ArrayList<>(List.of("nsenter", "--target", Integer.toString(ctr.pid())));
        for (Object[] n : new Object[][] {{Namespace.USER, "--user"}, {Namespace.MNT, "--mount"}, {Namespace.UTS, "--uts"},
                {Namespace.IPC, "--ipc"}, {Namespace.NET, "--net"}, {Namespace.PID, "--pid"}, {Namespace.CGROUP, "--cgroup"},
                {Namespace.TIME, "--time"}}) {
            if (owns((Namespace) n[0])) {
                a.add((String) n[1]);
            }
        }
        a.addAll(List.of("--root", "--wd", "--preserve-credentials", "--"));
        a.addAll(argv);
        return a;
    }

    /** Variables for lessons: who the container runs as on the host, and the learner's name (see {@link Learner}). */
    public static void addVars(Map<String, String> vars, Container ctr) {
        int[] ids = ctr.thread().hostIds();
        vars.put("CTR_UID", Integer.toString(ids[0]));
        vars.put("CTR_GID", Integer.toString(ids[1]));
        vars.put("LEARNER", Learner.forThisSession().map(Learner::name).orElse(""));
    }
}
