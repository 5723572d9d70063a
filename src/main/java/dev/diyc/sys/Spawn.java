package dev.diyc.sys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Starts a program from the calling thread with posix_spawnp. The child inherits that thread's
 * namespaces, root and working directory, which is why containers spawn from their own thread.
 * (ProcessBuilder cannot be used there: it execs jspawnhelper from the JDK's path, which is gone
 * after pivot_root, and it starts helper threads, which a thread in a new PID namespace cannot.)
 */
public final class Spawn {
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08, POSIX_SPAWN_SETSID = 0x80;
    private static final int OPAQUE = 1024; // larger than glibc's posix_spawnattr_t and posix_spawn_file_actions_t

    private Spawn() {}

    /**
     * @param stdio the fds that become the child's 0, 1 and 2 (and 3... when more are given)
     * @param newSession start the child in a session (and process group) of its own, away from the
     *     learner's terminal: a terminal's Ctrl-C reaches diyc, which decides what to interrupt, and
     *     nothing in a container can read or take over the terminal
     * @return the child's PID as the calling thread's PID namespace sees it
     */
    public static int spawn(List<String> argv, List<String> env, int[] stdio, boolean newSession) {
        LibC c = Native.libc();
        Runtime rt = Native.runtime();
        Pointer actions = Memory.allocateDirect(rt, OPAQUE);
        Pointer attr = Memory.allocateDirect(rt, OPAQUE);
        Pointer sigs = Memory.allocateDirect(rt, 256);
        List<Pointer> keep = new ArrayList<>();
        c.posix_spawn_file_actions_init(actions);
        c.posix_spawnattr_init(attr);
        try {
            for (int i = 0; i < stdio.length; i++) {
                c.posix_spawn_file_actions_adddup2(actions, stdio[i], i);
            }
            // The JVM holds many fds without O_CLOEXEC (jars, its own pipes): none belongs in a container.
            c.posix_spawn_file_actions_addclosefrom_np(actions, stdio.length);
            short flags = (short) (POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
            if (newSession) {
                flags |= POSIX_SPAWN_SETSID;
            }
            c.posix_spawnattr_setflags(attr, flags);
            c.sigemptyset(sigs);
            c.posix_spawnattr_setsigmask(attr, sigs);
            c.sigfillset(sigs); // every signal back to its default action in the child
            c.posix_spawnattr_setsigdefault(attr, sigs);
            int[] pid = new int[1];
            int err = c.posix_spawnp(pid, argv.get(0), actions, attr, cStrings(rt, argv, keep), cStrings(rt, env, keep));
            Call call = new Call("spawn", List.of(Arg.str(argv.get(0))), err == 0 ? pid[0] : -1, err, null);
            if (err != 0) {
                throw new SyscallException(call);
            }
            return pid[0];
        } finally {
            c.posix_spawn_file_actions_destroy(actions);
            c.posix_spawnattr_destroy(attr);
        }
    }

    private static Pointer cStrings(Runtime rt, List<String> strings, List<Pointer> keep) {
        Pointer array = Memory.allocateDirect(rt, (strings.size() + 1) * (long) rt.addressSize(), true);
        for (int i = 0; i < strings.size(); i++) {
            byte[] b = strings.get(i).getBytes(StandardCharsets.UTF_8);
            Pointer s = Memory.allocateDirect(rt, b.length + 1, true);
            s.put(0, b, 0, b.length);
            keep.add(s);
            array.putPointer((long) i * rt.addressSize(), s);
        }
        array.putPointer((long) strings.size() * rt.addressSize(), null);
        return array;
    }
}
