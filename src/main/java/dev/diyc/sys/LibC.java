package dev.diyc.sys;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int64_t;

/**
 * The libc functions diyc calls. Only {@link Syscalls} and {@link Spawn} use this interface, so every
 * namespace-changing call passes through the recorder that prints it strace-style.
 */
@SaveError
public interface LibC {
    int unshare(int flags);

    int setns(int fd, int nstype);

    int sethostname(@In byte[] name, @size_t long len);

    int gethostname(@Out byte[] name, @size_t long len);

    int mount(String source, String target, String fstype, @u_int64_t long flags, String data);

    int umount2(String target, int flags);

    int chroot(String path);

    int chdir(String path);

    int fchdir(int fd);

    int open(String path, int flags, int mode);

    int openat(int dirfd, String path, int flags, int mode);

    int close(int fd);

    int mkdir(String path, int mode);

    int rmdir(String path);

    int unlink(String path);

    int gettid();

    int getpid();

    int geteuid();

    /** pivot_root has no glibc wrapper. */
    long syscall(long number, String a, String b);

    /** fsopen(fsname, flags). */
    long syscall(long number, String a, int b);

    /** fsconfig(fd, cmd, key, value, aux). */
    long syscall(long number, int fd, int cmd, String key, String value, int aux);

    /** fsmount(fd, flags, attr); also setresuid and setresgid, raw, so they change only the calling thread. */
    long syscall(long number, int fd, int flags, int attr);

    /** setgroups(size, list), raw: glibc's wrapper would change every thread of the JVM. */
    long syscall(long number, int size, @In int[] list);

    /** move_mount(from_dfd, from_path, to_dfd, to_path, flags). */
    long syscall(long number, int fromDfd, String fromPath, int toDfd, String toPath, int flags);

    /** seccomp(operation, flags, prog) has no glibc wrapper; prog points at a struct sock_fprog. */
    long syscall(long number, int operation, int flags, Pointer prog);

    // Restricting the calling thread (dev.diyc.sys.Restrict): the spawn-only thread that starts a guarded program.

    int prctl(int option, long arg2, long arg3, long arg4, long arg5);

    /** header: {version, pid}; data: {effective, permitted, inheritable} for caps 0-31, then for 32-63. */
    int capget(@In @Out int[] header, @Out int[] data);

    int capset(@In @Out int[] header, @In int[] data);

    int pipe2(@Out int[] fds, int flags);

    @ssize_t long read(int fd, @Out byte[] buf, @size_t long count);

    @ssize_t long write(int fd, @In byte[] buf, @size_t long count);

    int kill(int pid, int sig);

    int waitpid(int pid, @Out int[] status, int options);

    int posix_spawn_file_actions_init(Pointer actions);

    int posix_spawn_file_actions_destroy(Pointer actions);

    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newfd);

    int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

    int posix_spawnattr_init(Pointer attr);

    int posix_spawnattr_destroy(Pointer attr);

    int posix_spawnattr_setflags(Pointer attr, short flags);

    int posix_spawnattr_setsigmask(Pointer attr, Pointer set);

    int posix_spawnattr_setsigdefault(Pointer attr, Pointer set);

    int sigemptyset(Pointer set);

    int sigfillset(Pointer set);

    int posix_spawnp(@Out int[] pid, String file, Pointer actions, Pointer attr, Pointer argv, Pointer envp);

    // Sockets, for rtnetlink (dev.diyc.net): the messages that iproute2's ip sends travel over these.

    int socket(int domain, int type, int protocol);

    int bind(int fd, @In byte[] addr, int addrlen);

    int getsockname(int fd, @Out byte[] addr, @In @Out int[] addrlen);

    int setsockopt(int fd, int level, int optname, @In byte[] optval, int optlen);

    @ssize_t long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr, int addrlen);

    @ssize_t long recv(int fd, Pointer buf, @size_t long len, int flags);

    // System V IPC, for the IPC namespace lesson: objects live in the IPC namespace of the caller.

    int msgget(int key, int flags);

    int shmget(int key, @size_t long size, int flags);

    int semget(int key, int nsems, int flags);

    int msgctl(int id, int cmd, Pointer buf);

    int shmctl(int id, int cmd, Pointer buf);

    int semctl(int id, int semnum, int cmd);
}
