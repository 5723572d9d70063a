package dev.diyc.ns;

import dev.diyc.cgroup.Cgroups;
import dev.diyc.sys.Fds;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Spawn;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a new cgroup namespace is rooted. unshare(CLONE_NEWCGROUP) makes the caller's own cgroups
 * the namespace's {@code /}. With util-linux the caller is the container's shell; in diyc it is the
 * container's JVM thread, which stays in the JVM's cgroups even after the learner has put the
 * container's shell in one of its own (cgclassify). Rooted at the JVM's cgroups, the container
 * would read {@code /../diyc-4242-box} in /proc/self/cgroup instead of {@code /}.
 *
 * <p>So when the two differ, a small single-threaded helper (util-linux's {@code unshare --cgroup},
 * behind a {@link SpawnGate}) is first placed in the shell's cgroups, makes the namespace there, and
 * diyc's thread joins it with setns: the namespace is the one the shell would have made. A thread
 * cannot just move into the container's cgroups itself: cgroup v2 moves whole processes, and this
 * one is the JVM.
 */
final class CgroupNamespaceRoot {
    /** Started behind a {@link SpawnGate}: it unshares only once it is in the container's cgroups. */
    private static final List<String> HELPER = List.of("unshare", "--cgroup", "/bin/sh", "-c", "echo ready; read end");
    private static final CgroupNamespaceRoot PLAIN = new CgroupNamespaceRoot(-1, -1, null, -1);

    private final int helper;
    private final int nsFd;
    private final OutputStream keepAlive;
    private final int output;

    private CgroupNamespaceRoot(int helper, int nsFd, OutputStream keepAlive, int output) {
        this.helper = helper;
        this.nsFd = nsFd;
        this.keepAlive = keepAlive;
        this.output = output;
    }

    /**
     * Called from a thread with the host's namespaces and root (the REPL's), before the container's
     * thread unshares.
     *
     * @param tid the container's JVM thread, the one that will call unshare
     */
    static CgroupNamespaceRoot prepare(long flags, int shellPid, int tid, Consumer<String> say) {
        if ((flags & Flags.CLONE_NEWCGROUP) == 0) {
            return PLAIN;
        }
        Cgroups cgroups = Cgroups.host();
        if (cgroups.membership(shellPid).equals(cgroups.threadMembership(tid))) {
            return PLAIN; // the thread's cgroups are the shell's: unshare roots the namespace there already
        }
        say.accept("unshare(CLONE_NEWCGROUP) roots the new namespace at the caller's own cgroup, and diyc's thread is not in "
                + "the container's: so a helper placed in the container's cgroup makes the namespace (util-linux's unshare --cgroup) "
                + "and diyc's thread joins it");
        int[] in = Fds.pipe();
        int[] out = Fds.pipe();
        int devNull = Syscalls.open("/dev/null", 2 /* O_RDWR */);
        SpawnGate gate;
        try {
            gate = SpawnGate.spawn("diyc-cgroupns", HELPER, new int[] {in[0], out[1], devNull},
                    (argv, fds) -> Spawn.spawn(argv, HostEnv.get(), fds, true));
        } finally {
            Fds.close(in[0]);
            Fds.close(out[1]);
            Syscalls.close(devNull);
        }
        OutputStream keepAlive = Fds.out(in[1]);
        int pid = gate.pid();
        try {
            try (gate) {
                cgroups.joinLike(shellPid, pid, "the helper joins the container's cgroups before it unshares");
            }
            if (!readLine(out[0]).equals("ready")) {
                throw new IOException("the helper did not start (is util-linux's unshare installed?)");
            }
            int fd = Syscalls.openHostProc(pid + "/ns/cgroup", "/proc/" + pid + "/ns/cgroup");
            return new CgroupNamespaceRoot(pid, fd, keepAlive, out[0]);
        } catch (IOException | RuntimeException e) {
            end(keepAlive, pid, out[0]);
            say.accept("no helper (" + e.getMessage() + "): diyc's thread unshares itself, so the namespace's root is diyc's own "
                    + "cgroup and the container sees paths starting with /..");
            return PLAIN;
        }
    }

    /** On the container's thread: unshare(2) with the flags, the cgroup namespace joined from the helper if there is one. */
    void unshare(long flags, String note) {
        if (helper < 0) {
            Syscalls.unshare(flags, note);
            return;
        }
        try {
            Syscalls.setns(nsFd, Flags.CLONE_NEWCGROUP, "diyc's thread joins the namespace the helper made: its / is the container's cgroup");
        } catch (SyscallException e) {
            end(keepAlive, helper, output);
            Syscalls.close(nsFd);
            throw e;
        }
        Syscalls.close(nsFd);
        end(keepAlive, helper, output);
        long rest = flags & ~Flags.CLONE_NEWCGROUP;
        if (rest != 0) {
            Syscalls.unshare(rest, note);
        }
    }

    /** Closing its input ends the helper (its read sees EOF); then it is reaped. */
    private static void end(OutputStream keepAlive, int pid, int output) {
        try {
            keepAlive.close();
        } catch (IOException e) {
            // gone already
        }
        Fds.waitFor(pid);
        Fds.close(output);
    }

    private static String readLine(int fd) throws IOException {
        InputStream in = Fds.in(fd);
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.append((char) c);
        }
        return b.toString();
    }
}
