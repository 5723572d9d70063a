package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;

import dev.diyc.sys.Call;
import dev.diyc.sys.Errno;
import dev.diyc.sys.LibC;
import dev.diyc.sys.Native;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.SyscallException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * A NETLINK_ROUTE socket: {@code socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE)}, bound to a
 * port id the kernel picks. The socket talks to the network namespace of the thread that created it,
 * whichever thread uses it later: a container's socket must be opened on the container's thread.
 *
 * <p>Each request gets the next sequence number, and only answers carrying that number and this
 * socket's port id are taken as its answer (a late answer to an earlier, timed-out request is
 * skipped). socket() and bind() are plumbing: they are recorded only when they fail.
 */
public final class NetlinkSocket implements AutoCloseable {
    /** A dump's datagrams are at most 32 KiB (the kernel's cap); twice that leaves room. */
    private static final int BUFFER = 64 * 1024;
    private static final int TIMEOUT_SECONDS = 5;

    private final int fd;
    private final int portId;
    private final Pointer buffer;
    private int seq;
    private boolean closed;

    private NetlinkSocket(int fd, int portId) {
        this.fd = fd;
        this.portId = portId;
        this.buffer = Memory.allocateDirect(Native.runtime(), BUFFER);
        // As iproute2 does: a start that differs between runs, so stale answers are unlikely to match.
        this.seq = (int) (System.currentTimeMillis() / 1000);
    }

    /** Opens a socket in the calling thread's network namespace. */
    public static NetlinkSocket open() {
        LibC c = Native.libc();
        int fd = c.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        if (fd < 0) {
            throw failed("socket", Native.errno(), "AF_NETLINK", "SOCK_RAW|SOCK_CLOEXEC", "NETLINK_ROUTE");
        }
        try {
            // Extended ACKs carry the kernel's own words on a rejected request; capped ACKs do not
            // echo the whole request back. A kernel without either still answers, so errors are ignored.
            c.setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, intBytes(1), 4);
            c.setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, intBytes(1), 4);
            // Strict checking lets a dump ask the kernel to filter (a route dump for the main table only), as ip does.
            c.setsockopt(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, intBytes(1), 4);
            // A bound on waiting, so a request the kernel never answers cannot hang the REPL.
            byte[] timeval = Attribute.order(ByteBuffer.allocate(16)).putLong(TIMEOUT_SECONDS).putLong(0).array();
            c.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval, timeval.length);
            byte[] addr = sockaddr(0);
            if (c.bind(fd, addr, addr.length) < 0) {
                throw failed("bind", Native.errno(), fd + "<NETLINK>", "{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}", "12");
            }
            int[] len = {12};
            byte[] bound = new byte[12];
            if (c.getsockname(fd, bound, len) < 0) {
                throw failed("getsockname", Native.errno(), Integer.toString(fd));
            }
            return new NetlinkSocket(fd, Attribute.order(ByteBuffer.wrap(bound)).getInt(4));
        } catch (RuntimeException e) {
            c.close(fd);
            throw e;
        }
    }

    /** struct sockaddr_nl: family, padding, port id (0: the kernel), multicast groups (none). */
    private static byte[] sockaddr(int pid) {
        return Attribute.order(ByteBuffer.allocate(12)).putShort((short) AF_NETLINK).putShort((short) 0).putInt(pid).putInt(0).array();
    }

    private static byte[] intBytes(int v) {
        return Attribute.order(ByteBuffer.allocate(4)).putInt(v).array();
    }

    private static SyscallException failed(String name, int errno, String... args) {
        Call call = new Call(name, List.of(args), -1, errno, null);
        Recorder.record(call);
        return new SyscallException(call);
    }

    public int fd() {
        return fd;
    }

    /** The port id the kernel bound this socket to (nl_pid); the kernel addresses its answers to it. */
    public int portId() {
        return portId;
    }

    /**
     * What the kernel answered to one request.
     *
     * @param messages the data messages (a dump's objects, or the one object of a get)
     * @param ack the NLMSG_ERROR that ended the exchange, or null when it ended with NLMSG_DONE or a
     *     single reply; its errno is 0 for success
     * @param interrupted the kernel flagged the dump NLM_F_DUMP_INTR: the table changed while it
     *     was being read, and the dump should be repeated
     */
    public record Answer(List<NetlinkMessage> messages, NetlinkAck ack, boolean interrupted) {
        public int errno() {
            return ack == null ? 0 : ack.errno();
        }

        public boolean failed() {
            return errno() != 0;
        }
    }

    /**
     * Sends a request and reads until its answer is complete: the ACK (NLMSG_ERROR) for a request
     * with NLM_F_ACK, NLMSG_DONE for a dump, else the single reply. An error from the kernel is
     * returned in the answer, not thrown: the caller records it with the request it belongs to.
     */
    public synchronized Answer exchange(NetlinkMessage request) {
        if (closed) {
            throw new IllegalStateException("netlink socket already closed");
        }
        NetlinkMessage sent = request.withSeq(++seq);
        byte[] bytes = sent.encode();
        byte[] kernel = sockaddr(0);
        long n;
        do {
            n = Native.libc().sendto(fd, bytes, bytes.length, 0, kernel, kernel.length);
        } while (n < 0 && Native.errno() == Errno.EINTR);
        if (n < 0) {
            throw failed("sendto", Native.errno(), Integer.toString(fd), StraceFormat.typeName(request.type()), Integer.toString(bytes.length));
        }
        boolean wantAck = (request.flags() & NLM_F_ACK) != 0;
        boolean dump = (request.flags() & NLM_F_DUMP) == NLM_F_DUMP;
        List<NetlinkMessage> data = new ArrayList<>();
        boolean interrupted = false;
        while (true) {
            for (NetlinkMessage m : receive()) {
                if (m.seq() != sent.seq() || m.pid() != portId) {
                    continue; // an answer to an earlier request
                }
                if ((m.flags() & NLM_F_DUMP_INTR) != 0) {
                    interrupted = true;
                }
                switch (m.type()) {
                    case NLMSG_ERROR -> {
                        return new Answer(data, m.ack(), interrupted);
                    }
                    case NLMSG_DONE -> {
                        // A dump that failed part-way ends with DONE carrying a negated errno.
                        int error = m.payload().length >= 4 ? Attribute.order(ByteBuffer.wrap(m.payload())).getInt(0) : 0;
                        NetlinkAck ack = error < 0 ? new NetlinkAck(-error, request.type(), sent.seq(), null) : null;
                        return new Answer(data, ack, interrupted);
                    }
                    case NLMSG_NOOP, NLMSG_OVERRUN -> { }
                    default -> {
                        data.add(m);
                        if (!wantAck && !dump && (m.flags() & NLM_F_MULTI) == 0) {
                            return new Answer(data, null, interrupted);
                        }
                    }
                }
            }
        }
    }

    /** One datagram, split into its messages. */
    private List<NetlinkMessage> receive() {
        while (true) {
            long n = Native.libc().recv(fd, buffer, BUFFER, MSG_TRUNC);
            if (n < 0) {
                int errno = Native.errno();
                if (errno == Errno.EINTR) {
                    continue;
                }
                throw failed("recv", errno, Integer.toString(fd), "...", Integer.toString(BUFFER), "MSG_TRUNC");
            }
            if (n > BUFFER) {
                throw new NetlinkFormatException("a " + n + "-byte netlink datagram does not fit diyc's " + BUFFER + "-byte buffer");
            }
            byte[] bytes = new byte[(int) n];
            buffer.get(0, bytes, 0, bytes.length);
            return NetlinkMessage.parseAll(bytes, bytes.length);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }

    @Override
    public String toString() {
        return "NetlinkSocket[fd=" + fd + ", port=" + portId + "]";
    }
}
