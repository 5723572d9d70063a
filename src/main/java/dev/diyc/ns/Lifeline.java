package dev.diyc.ns;

import dev.diyc.sys.Fds;
import dev.diyc.sys.Spawn;
import dev.diyc.sys.Syscalls;
import dev.diyc.term.ShellQuote;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes everything diyc starts die with diyc, even when the JVM is killed with SIGKILL and no
 * shutdown hook runs.
 *
 * <p>A small host shell reads a pipe whose only writer is the JVM. diyc tells it the process groups
 * of its shells and the namespaces its containers created. When the pipe reaches EOF (the JVM is
 * gone, however it went), the shell kills those process groups and every process still in one of
 * those namespaces, deletes the links, IPC objects and cgroups it made on the host, and removes the playground. A container's init dies with it, and with init its
 * whole PID namespace.
 */
public final class Lifeline implements AutoCloseable {
    private static final String SCRIPT = String.join("\n",
            "trap '' INT HUP",
            "pgs=' '; nss=' '; dir=''; cgs=''; undos=''",
            "nl='",
            "'",
            "while read -r cmd arg; do",
            "  case $cmd in",
            "    pg) pgs=\"$pgs$arg \" ;;",
            "    ns) nss=\"$nss$arg \" ;;",
            "    dir) dir=$arg ;;",
            "    cg) cgs=\"$cgs $arg\" ;;",
            "    uncg) n=''; for c in $cgs; do [ \"$c\" = \"$arg\" ] || n=\"$n $c\"; done; cgs=$n ;;",
            "    unpg) n=' '; for g in $pgs; do [ \"$g\" = \"$arg\" ] || n=\"$n$g \"; done; pgs=$n ;;",
            "    unns) n=' '; for s in $nss; do [ \"$s\" = \"$arg\" ] || n=\"$n$s \"; done; nss=$n ;;",
            // Other host changes (links, IPC objects, named netns, NAT, ip_forward) come as a key and the
            // shell command that undoes them.
            "    undo) undos=\"$undos$arg$nl\" ;;",
            "    forget) undos=$(printf %s \"$undos\" | while read -r k c; do [ \"$k\" = \"$arg\" ] || printf '%s %s\\n' \"$k\" \"$c\"; done)$nl ;;",
            "  esac",
            "done",
            "for g in $pgs; do kill -KILL -$g 2>/dev/null; done",
            // Every process's namespaces in one find, not a readlink per link: on a slow VM with a desktop's
            // hundreds of processes, a fork per link took tens of seconds.
            "[ \"$nss\" = ' ' ] || find /proc/[0-9]*/ns -maxdepth 1 -type l -printf '%h %l\\n' 2>/dev/null |",
            "  while read -r d id; do",
            "    case \"$nss\" in *\" $id \"*) p=${d#/proc/}; kill -KILL ${p%/ns} 2>/dev/null ;; esac",
            "  done",
            // cgroups diyc made: what is still in one (the killed, still exiting; a host process the learner put
            // there) moves to the parent, then the directory goes, sub-cgroups first; for up to 5 s while the
            // killed finish exiting, since only an empty cgroup can be removed.
            "for c in $cgs; do",
            "  i=0; while [ -d \"$c\" ] && [ $i -lt 50 ]; do",
            "    for d in $(find \"$c\" -depth -type d 2>/dev/null); do",
            "      for p in $(cat \"$d/cgroup.procs\" 2>/dev/null); do echo \"$p\" > \"${c%/*}/cgroup.procs\"; done",
            "      rmdir \"$d\" 2>/dev/null",
            "    done",
            "    i=$((i+1)); [ -d \"$c\" ] && sleep 0.1",
            "  done",
            "done",
            "printf %s \"$undos\" | while read -r k c; do [ -n \"$k\" ] && eval \"$c\" >/dev/null 2>&1; done",
            // The playground goes too, unless (against every rule diyc keeps) something is mounted in it.
            "[ -n \"$dir\" ] && ! grep -qF \" $dir\" /proc/self/mountinfo && rm -rf -- \"$dir\"",
            "exit 0",
            "");

    private final int pid;
    private final OutputStream pipe;

    private Lifeline(int pid, OutputStream pipe) {
        this.pid = pid;
        this.pipe = pipe;
    }

    /** Starts the watcher from a thread in the host's namespaces. */
    public static Lifeline start() {
        int[] p = Fds.pipe();
        int devNull = Syscalls.open("/dev/null", 2 /* O_RDWR */);
        try {
            // Its own process group: a Ctrl-C at the terminal must not reach it.
            int pid = Spawn.spawn(List.of("/bin/sh", "-c", SCRIPT, "diyc-lifeline"), HostEnv.get(),
                    new int[] {p[0], devNull, devNull}, true);
            Fds.close(p[0]);
            Thread reaper = new Thread(() -> Fds.waitFor(pid), "diyc-lifeline-reaper");
            reaper.setDaemon(true);
            reaper.start();
            return new Lifeline(pid, Fds.out(p[1]));
        } finally {
            Syscalls.close(devNull);
        }
    }

    public int pid() {
        return pid;
    }

    /** The playground: removed when diyc is gone. */
    public void removeWhenGone(Path dir) {
        send("dir " + dir);
    }

    /** A link diyc made on the host (a bridge, a pair left there): deleted with iproute2's ip if diyc dies before undoing it. */
    public void watchLink(String name) {
        undoWhenGone("link:" + name, "ip link del " + ShellQuote.word(name));
    }

    public void forgetLink(String name) {
        forget("link:" + name);
    }

    /** A cgroup directory diyc made: emptied into its parent and removed if diyc dies before removing it. */
    public void watchCgroup(Path dir) {
        send("cg " + dir);
    }

    public void forgetCgroup(Path dir) {
        send("uncg " + dir);
    }

    /** An IPC object made on the host: removed with util-linux's ipcrm if diyc dies before removing it. */
    public void watchIpc(Syscalls.Ipc kind, int id) {
        undoWhenGone("ipc:" + ipcrmOption(kind) + id, "ipcrm -" + ipcrmOption(kind) + " " + id);
    }

    public void forgetIpc(Syscalls.Ipc kind, int id) {
        forget("ipc:" + ipcrmOption(kind) + id);
    }

    private static char ipcrmOption(Syscalls.Ipc kind) {
        return switch (kind) {
            case QUEUE -> 'q';
            case SHM -> 'm';
            case SEM -> 's';
        };
    }

    /**
     * A host change to undo if diyc dies first.
     *
     * @param key names it for {@link #forget} (no spaces)
     * @param command the shell command that undoes it (diyc builds it from validated names only)
     */
    public void undoWhenGone(String key, String command) {
        if (key.contains(" ") || command.contains("\n")) {
            throw new IllegalArgumentException(key);
        }
        send("undo " + key + " " + command);
    }

    /** Undone (or removed by the learner) already. */
    public void forget(String key) {
        send("forget " + key);
    }

    public void watchProcessGroup(int pgid) {
        send("pg " + pgid);
    }

    public void forgetProcessGroup(int pgid) {
        send("unpg " + pgid);
    }

    /** @param id a namespace as /proc shows it, e.g. {@code uts:[4026532841]} */
    public void watchNamespace(String id) {
        send("ns " + id);
    }

    public void forgetNamespace(String id) {
        send("unns " + id);
    }

    private synchronized void send(String line) {
        try {
            pipe.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The watcher is gone; there is nothing better to do than carry on.
        }
    }

    /** A normal exit: diyc has already ended everything, so the watcher finds nothing left. */
    @Override
    public void close() {
        try {
            pipe.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
