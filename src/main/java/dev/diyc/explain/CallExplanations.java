package dev.diyc.explain;

import dev.diyc.cgroup.CgroupExplanations;
import dev.diyc.net.NetlinkExplanations;
import dev.diyc.sys.Call;
import dev.diyc.sys.Errno;
import dev.diyc.sys.IdMapExplanations;
import dev.diyc.term.Console;

/**
 * The likely cause of a failed call, in one line a learner can act on. It lives above sys, net and
 * cgroup because it reads all three's knowledge; each of those explains only its own calls.
 */
public final class CallExplanations {
    private CallExplanations() {}

    /** Prints a call as strace would, with its likely cause when it failed. */
    public static void show(Call c, Console console) {
        console.call(c.line(), c.failed(), c.failed() ? of(c) : null, c.note());
    }

    public static String of(Call c) {
        if (c.name().startsWith("RTM_")) {
            return NetlinkExplanations.of(c); // rtnetlink requests: their own causes
        }
        String cgroup = CgroupExplanations.applies(c) ? CgroupExplanations.of(c) : null;
        if (cgroup != null) {
            return cgroup; // cgroup files: their own causes
        }
        String name = c.name();
        int e = c.errno();
        if (name.equals("write")) {
            return IdMapExplanations.of(c);
        }
        if (e == Errno.EPERM) {
            return name.equals("unshare") || name.equals("setns")
                    ? (c.args().contains("CLONE_NEWUSER") ? "user namespaces are switched off for ordinary users on this host (explain userns)"
                            : "creating or entering a namespace needs CAP_SYS_ADMIN, which an ordinary user does not have: run diyc with sudo, "
                            + "or add --user, as lesson 6 does")
                    : "this needs CAP_SYS_ADMIN (root): start diyc with sudo";
        }
        return switch (name) {
            case "pivot_root" -> switch (e) {
                case Errno.EINVAL -> "the new root must be a mount point (try: mount --bind rootfs rootfs), the old root must be under it, and / must not be shared (diyc's unshare -m makes it private)";
                case Errno.EBUSY -> "the new root is still on the same mount as the current root: it must be a mount point of its own (mount --bind rootfs rootfs)";
                case Errno.ENOENT -> "one of the directories does not exist; create the old-root directory first (mkdir rootfs/old)";
                case Errno.ENOTDIR -> "both arguments must be directories";
                default -> null;
            };
            case "mount" -> switch (e) {
                case Errno.ENOENT -> "the mount point (or the source of a bind mount) does not exist; create it first with mkdir";
                case Errno.EINVAL -> "a move or a propagation change needs a mount point (compare mounts lists them), and a move does not work under a shared mount";
                case Errno.EBUSY -> "something is already mounted there, or the mount is in use";
                case Errno.ENODEV -> "the kernel does not know that filesystem type";
                case Errno.ENOTDIR -> "the mount point must be a directory";
                default -> null;
            };
            case "umount2" -> switch (e) {
                case Errno.EINVAL -> "that path is not a mount point (compare mounts lists them)";
                case Errno.EBUSY -> "the mount is in use (a process's working directory or open file is inside it); umount -l detaches it anyway";
                case Errno.ENOENT -> "no such path";
                default -> null;
            };
            case "unshare" -> e == Errno.EINVAL
                    ? "a process with more than one thread cannot create a user namespace, and the JVM has many threads (explain userns)"
                    : null;
            case "setns" -> e == Errno.EINVAL ? "the thread cannot enter that namespace (a mount namespace needs a private fs, a PID namespace must be a descendant)" : null;
            case "chroot", "chdir" -> switch (e) {
                case Errno.ENOENT -> "no such directory";
                case Errno.ENOTDIR -> "not a directory";
                default -> null;
            };
            case "sethostname" -> e == Errno.EINVAL ? "a hostname is at most 64 bytes" : null;
            case "fsconfig" -> e == Errno.EINVAL ? "this kernel's procfs has no pidns= option (added in Linux 6.18)" : null;
            case "spawn" -> switch (e) {
                case Errno.ENOMEM -> "the PID namespace's init (PID 1) has exited, so it accepts no new processes: end this container with exit";
                case Errno.ENOENT -> "no such program in the container's root (is its /bin populated?)";
                default -> null;
            };
            default -> null;
        };
    }
}
