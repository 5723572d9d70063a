package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.IFLA_NET_NS_FD;
import static dev.diyc.net.NetlinkConstants.IFLA_NET_NS_PID;

import dev.diyc.sys.Syscalls;

/**
 * A network namespace to put a link in, the way the kernel lets a request name it: by a process
 * in it (IFLA_NET_NS_PID, what {@code ip link set veth1 netns 4242} sends) or by an open file
 * descriptor on it (IFLA_NET_NS_FD, what {@code ip link set veth1 netns NAME} sends for a named
 * netns, an fd on /run/netns/NAME).
 *
 * <p>A namespace that only a thread is in (a diyc container's thread before it starts a process)
 * has no PID to name it by; open {@code /proc/self/task/TID/ns/net} with {@link #open} instead.
 */
public sealed interface Netns permits Netns.Pid, Netns.Fd {

    /** The attribute that names this namespace in a request. */
    Attribute attribute();

    static Pid pid(int pid) {
        return new Pid(pid);
    }

    /**
     * Opens a namespace file ({@code /proc/4242/ns/net}, {@code /proc/self/task/TID/ns/net},
     * {@code /run/netns/NAME}). The caller closes it; the strace line shows the path, as strace -y.
     */
    static Fd open(String path) {
        return new Fd(Syscalls.open(path, Syscalls.O_RDONLY), path, true);
    }

    /** The namespace of a process, as {@code netns PID} names it. */
    record Pid(int pid) implements Netns {
        @Override
        public Attribute attribute() {
            return Attribute.u32(IFLA_NET_NS_PID, pid);
        }
    }

    /**
     * An fd on a namespace file.
     *
     * @param path what it was opened from, shown in the strace line
     * @param owned whether {@link #close} closes it
     */
    record Fd(int fd, String path, boolean owned) implements Netns, AutoCloseable {
        public static Fd borrowed(int fd, String path) {
            return new Fd(fd, path, false);
        }

        @Override
        public Attribute attribute() {
            return Attribute.u32(IFLA_NET_NS_FD, fd);
        }

        @Override
        public void close() {
            if (owned) {
                Syscalls.close(fd);
            }
        }
    }
}
