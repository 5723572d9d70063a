package dev.diyc.sys;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The namespace-changing calls diyc makes, each recorded for the strace-style log and each throwing
 * {@link SyscallException} on failure. Calls act on the calling thread: namespaces, root and working
 * directory belong to a thread (once it has unshared CLONE_FS), not to the JVM.
 */
public final class Syscalls {
    public static final int O_WRONLY = 1, O_RDONLY = 0, O_CREAT = 0x40, O_EXCL = 0x80, O_DIRECTORY = 0x10000, O_CLOEXEC = 0x80000, O_PATH = 0x200000;
    public static final int AT_FDCWD = -100;

    /** fds this class opened, with the path they were opened from, so later calls can show it like strace -y. */
    private static final Map<Integer, String> FD_PATHS = new ConcurrentHashMap<>();

    private Syscalls() {}

    private static LibC c() {
        return Native.libc();
    }

    /** Records the call, strace-style, and throws it as a SyscallException when it failed: every call of sys goes through here. */
    static long check(String name, long ret, String note, String... args) {
        int errno = ret < 0 ? Native.errno() : 0;
        Call call = new Call(name, List.of(args), ret < 0 ? -1 : ret, errno, note);
        Recorder.record(call);
        if (ret < 0) {
            throw new SyscallException(call);
        }
        return ret;
    }

    private static String fd(int fd) {
        return Arg.fd(fd, FD_PATHS.get(fd));
    }

    public static void unshare(long flags, String note) {
        check("unshare", c().unshare((int) flags), note, Flags.CLONE.decode(flags));
    }

    public static void setns(int fd, long nstype, String note) {
        check("setns", c().setns(fd, (int) nstype), note, fd(fd), Flags.CLONE.decode(nstype));
    }

    public static void sethostname(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        check("sethostname", c().sethostname(b, b.length), null, Arg.str(name), Integer.toString(b.length));
    }

    /** Not recorded: reading is not changing. */
    public static String gethostname() {
        byte[] b = new byte[256];
        if (c().gethostname(b, b.length) < 0) {
            throw new IllegalStateException("gethostname: " + Errno.message(Native.errno()));
        }
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    public static void mount(String source, String target, String type, long flags, String data, String note) {
        check("mount", c().mount(source, target, type, flags, data), note,
                Arg.str(source), Arg.str(target), Arg.str(type), Flags.MS.decode(flags), Arg.str(data));
    }

    public static void umount2(String target, int flags) {
        check("umount2", c().umount2(target, flags), null, Arg.str(target), Flags.MNT.decode(flags));
    }

    public static void pivotRoot(String newRoot, String putOld) {
        check("pivot_root", c().syscall(Arch.SYS_PIVOT_ROOT, newRoot, putOld), null, Arg.str(newRoot), Arg.str(putOld));
    }

    public static void chroot(String path, String note) {
        check("chroot", c().chroot(path), note, Arg.str(path));
    }

    public static void chdir(String path, String note) {
        check("chdir", c().chdir(path), note, Arg.str(path));
    }

    public static void fchdir(int fd, String note) {
        check("fchdir", c().fchdir(fd), note, fd(fd));
    }

    /** Opens quietly (diyc's own bookkeeping), remembering the path for later strace lines. */
    public static int open(String path, int flags) {
        int fd = c().open(path, flags | O_CLOEXEC, 0);
        if (fd < 0) {
            int errno = Native.errno();
            throw new SyscallException(new Call("open", List.of(Arg.str(path), "O_CLOEXEC"), -1, errno, null));
        }
        FD_PATHS.put(fd, path);
        return fd;
    }

    /** Like {@link #open} but relative to a directory fd; the remembered path is {@code label}. */
    public static int openat(int dirfd, String path, int flags, String label) {
        int fd = c().openat(dirfd, path, flags | O_CLOEXEC, 0);
        if (fd < 0) {
            int errno = Native.errno();
            throw new SyscallException(new Call("openat", List.of(fd(dirfd), Arg.str(path), "O_CLOEXEC"), -1, errno, null));
        }
        FD_PATHS.put(fd, label);
        return fd;
    }

    /**
     * Writes a small file the way {@code echo TEXT > FILE} does (uid_map, a cgroup's memory.max,
     * ip_forward), recorded as {@code write("/proc/4242/uid_map", "0 1000 1\n") = 9}: the path stands
     * where strace would put the fd, because the path is what the learner typed. The open is not
     * printed; its failure is, as the open it is.
     */
    public static int writeFile(String path, String content, String note) {
        int fd = c().open(path, O_WRONLY | O_CLOEXEC, 0);
        if (fd < 0) {
            check("open", -1, note, Arg.str(path), "O_WRONLY");
        }
        try {
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            return (int) check("write", c().write(fd, b, b.length), note, Arg.str(path), Arg.str(content));
        } finally {
            c().close(fd);
        }
    }

    /**
     * Gives the calling thread, and only it, another user's credentials: supplementary groups, then
     * group, then user (after setresuid the thread could no longer change the other two). These are
     * the raw syscalls: glibc's wrappers would change every thread of the JVM, on purpose.
     */
    public static void becomeUser(int uid, int gid, int[] groups, String note) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < groups.length; i++) {
            list.append(i > 0 ? ", " : "").append(groups[i]);
        }
        list.append(']');
        check("setgroups", c().syscall(Arch.SYS_SETGROUPS, groups.length, groups), note,
                Integer.toString(groups.length), list.toString());
        String g = Integer.toString(gid);
        check("setresgid", c().syscall(Arch.SYS_SETRESGID, gid, gid, gid), null, g, g, g);
        String u = Integer.toString(uid);
        check("setresuid", c().syscall(Arch.SYS_SETRESUID, uid, uid, uid), null, u, u, u);
    }

    public static void mkdir(String path, int mode, String note) {
        check("mkdir", c().mkdir(path, mode), note, Arg.str(path), String.format("0%o", mode));
    }

    /** {@code open(PATH, O_RDONLY|O_CREAT|O_EXCL, MODE)}: a new empty file (a mount point for a namespace), recorded. */
    public static void createFile(String path, int mode, String note) {
        int fd = (int) check("open", c().open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode), note,
                Arg.str(path), "O_RDONLY|O_CREAT|O_EXCL|O_CLOEXEC", mode == 0 ? "0" : String.format("0%o", mode));
        c().close(fd);
    }

    public static void unlink(String path, String note) {
        check("unlink", c().unlink(path), note, Arg.str(path));
    }

    public static void rmdir(String path, String note) {
        check("rmdir", c().rmdir(path), note, Arg.str(path));
    }

    public static void close(int fd) {
        FD_PATHS.remove(fd);
        c().close(fd);
    }

    /**
     * Moves the calling thread's working directory to another process's, quietly: this is diyc's own
     * plumbing, so that a native command resolves relative paths where the context's shell stands.
     * Goes through the host's /proc by fd, which still works after the thread's pivot_root.
     */
    public static void followCwdOf(int pid) {
        fchdirToProcLink(pid, "cwd");
    }

    /**
     * Moves the calling thread's root (and working directory) to another process's, quietly: diyc
     * keeps its thread where the context's shell is after a one-off chroot or a failed one.
     */
    public static void followRootOf(int pid) {
        if (fchdirToProcLink(pid, "root")) {
            c().chroot(".");
        }
        followCwdOf(pid);
    }

    /** fchdir to /proc/PID/LINK (cwd or root): a magic link that reaches the directory from any root. */
    private static boolean fchdirToProcLink(int pid, String link) {
        int fd = c().openat(HostProc.fd(), pid + "/" + link, O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
        if (fd < 0) {
            return false;
        }
        boolean moved = c().fchdir(fd) == 0;
        c().close(fd);
        return moved;
    }

    /** Opens a file of the host's /proc by fd (it keeps working after the thread's root has moved). */
    public static int openHostProc(String path, String label) {
        return openat(HostProc.fd(), path, O_RDONLY, label);
    }

    public static int gettid() {
        return c().gettid();
    }

    // System V IPC: each call acts in the calling thread's IPC namespace.

    /** The kinds of System V IPC object, as ipcmk -Q/-M/-S and ipcs -q/-m/-s name them. */
    public enum Ipc { QUEUE, SHM, SEM }

    private static final int IPC_CREAT = 01000, IPC_RMID = 0;

    /** Creates a private IPC object with mode {@code mode}; returns its id. */
    public static int ipcCreate(Ipc kind, long size, int mode) {
        String flags = "IPC_CREAT|0" + Integer.toOctalString(mode);
        return (int) switch (kind) {
            case QUEUE -> check("msgget", c().msgget(0, IPC_CREAT | mode), null, "IPC_PRIVATE", flags);
            case SHM -> check("shmget", c().shmget(0, size, IPC_CREAT | mode), null, "IPC_PRIVATE", Long.toString(size), flags);
            case SEM -> check("semget", c().semget(0, (int) size, IPC_CREAT | mode), null, "IPC_PRIVATE", Long.toString(size), flags);
        };
    }

    public static void ipcRemove(Ipc kind, int id, String note) {
        switch (kind) {
            case QUEUE -> check("msgctl", c().msgctl(id, IPC_RMID, null), note, Integer.toString(id), "IPC_RMID", "NULL");
            case SHM -> check("shmctl", c().shmctl(id, IPC_RMID, null), note, Integer.toString(id), "IPC_RMID", "NULL");
            case SEM -> check("semctl", c().semctl(id, 0, IPC_RMID), note, Integer.toString(id), "0", "IPC_RMID");
        }
    }

    // The new mount API, used to mount a procfs for a PID namespace the calling thread is not in.

    public static int fsopen(String fsname, String note) {
        int fd = (int) check("fsopen", c().syscall(Arch.SYS_FSOPEN, fsname, 1), note, Arg.str(fsname), "FSOPEN_CLOEXEC");
        FD_PATHS.put(fd, "fscontext:" + fsname);
        return fd;
    }

    public static void fsconfigSetFd(int fsfd, String key, int valueFd, String note) {
        check("fsconfig", c().syscall(Arch.SYS_FSCONFIG, fsfd, 5, key, (String) null, valueFd), note,
                fd(fsfd), "FSCONFIG_SET_FD", Arg.str(key), "NULL", fd(valueFd));
    }

    public static void fsconfigSetString(int fsfd, String key, String value, String note) {
        check("fsconfig", c().syscall(Arch.SYS_FSCONFIG, fsfd, 1, key, value, 0), note,
                fd(fsfd), "FSCONFIG_SET_STRING", Arg.str(key), Arg.str(value), "0");
    }

    public static void fsconfigCreate(int fsfd, String note) {
        check("fsconfig", c().syscall(Arch.SYS_FSCONFIG, fsfd, 6, null, (String) null, 0), note,
                fd(fsfd), "FSCONFIG_CMD_CREATE", "NULL", "NULL", "0");
    }

    /** Mount attributes nosuid, nodev, noexec, as util-linux uses for /proc. */
    public static int fsmount(int fsfd, String note) {
        int fd = (int) check("fsmount", c().syscall(Arch.SYS_FSMOUNT, fsfd, 1, 0x2 | 0x4 | 0x8), note,
                fd(fsfd), "FSMOUNT_CLOEXEC", "MOUNT_ATTR_NOSUID|MOUNT_ATTR_NODEV|MOUNT_ATTR_NOEXEC");
        FD_PATHS.put(fd, "mount");
        return fd;
    }

    public static void moveMount(int mountFd, String target, String note) {
        check("move_mount", c().syscall(Arch.SYS_MOVE_MOUNT, mountFd, "", AT_FDCWD, target, 0x4), note,
                fd(mountFd), "\"\"", "AT_FDCWD", Arg.str(target), "MOVE_MOUNT_F_EMPTY_PATH");
    }
}
