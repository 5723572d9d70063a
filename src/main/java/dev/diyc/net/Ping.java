package dev.diyc.net;

import dev.diyc.term.UserError;
import dev.diyc.sys.Call;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.Errno;
import dev.diyc.sys.Native;
import dev.diyc.sys.SyscallException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * ICMP echo, as ping does it, from the calling thread's network namespace: a raw ICMP socket, an
 * echo request per interval, replies matched by identifier and sequence. Only IPv4; root only (a
 * new network namespace allows no unprivileged ping sockets).
 */
public final class Ping {
    private static final int AF_INET = 2, SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000, IPPROTO_ICMP = 1;
    private static final int SOL_SOCKET = 1, SO_RCVTIMEO = 20;
    /** recv's timeout: how often a long wait for a reply looks at Ctrl-C and its deadline. */
    private static final long SLICE_MICROS = 200_000;
    private static final int EAGAIN = 11;
    private static final int PAYLOAD = 56;

    /** What a run of pings saw. */
    public record Stats(int sent, int received) {}

    private Ping() {}

    /**
     * @param cancelled polled between packets: Ctrl-C
     * @param out the lines ping prints
     */
    public static Stats run(String host, int count, double intervalSeconds, double timeoutSeconds, BooleanSupplier cancelled,
            Consumer<String> out) {
        byte[] dst = IpAddresses.parse(host);
        if (dst == null || dst.length != 4) {
            throw new UserError("ping: " + host + ": diyc's ping takes an IPv4 address such as 10.0.0.1 (it looks no names up)");
        }
        var c = Native.libc();
        int fd = c.socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);
        Call socket = new Call("socket", List.of("AF_INET", "SOCK_RAW|SOCK_CLOEXEC", "IPPROTO_ICMP"), fd < 0 ? -1 : fd,
                fd < 0 ? Native.errno() : 0, "a raw socket: the kernel hands it every ICMP packet of this network namespace");
        Recorder.record(socket);
        if (fd < 0) {
            throw new SyscallException(socket);
        }
        try {
            ByteBuffer tv = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            long micros = Math.min(SLICE_MICROS, (long) (timeoutSeconds * 1_000_000));
            tv.putLong(micros / 1_000_000).putLong(micros % 1_000_000);
            c.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv.array(), 16);
            byte[] sockaddr = sockaddr(dst);
            int id = (int) (ProcessHandle.current().pid() ^ Thread.currentThread().getId()) & 0xffff;
            out.accept("PING " + host + " (" + host + ") " + PAYLOAD + "(" + (PAYLOAD + 28) + ") bytes of data.");
            long start = System.nanoTime();
            int sent = 0;
            int received = 0;
            for (int seq = 1; (count <= 0 || seq <= count) && !cancelled.getAsBoolean(); seq++) {
                long t0 = System.nanoTime();
                byte[] echo = echo(id, seq);
                if (c.sendto(fd, echo, echo.length, 0, sockaddr, sockaddr.length) < 0) {
                    int errno = Native.errno();
                    out.accept("ping: sendto: " + Errno.message(errno) + explain(errno));
                    break;
                }
                sent++;
                // As iputils' ping: a request waits for its reply until the next is due, the last one for
                // the whole timeout. The first packet over a link that has just come up can wait for ARP's
                // retry, a second later: a ping that gave up sooner said "lost" where ping says "reached".
                boolean last = count > 0 && seq == count;
                Reply r = await(fd, id, seq, t0, last ? timeoutSeconds : Math.min(timeoutSeconds, intervalSeconds), cancelled);
                if (r != null) {
                    received++;
                    out.accept(String.format("%d bytes from %s: icmp_seq=%d ttl=%d time=%.3f ms", PAYLOAD + 8, host, seq, r.ttl(),
                            (r.at() - t0) / 1e6));
                }
                if (count <= 0 || seq < count) {
                    sleepUntil(t0 + (long) (intervalSeconds * 1e9), cancelled);
                }
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            out.accept("");
            out.accept("--- " + host + " ping statistics ---");
            out.accept(String.format("%d packets transmitted, %d received, %d%% packet loss, time %dms", sent, received,
                    sent == 0 ? 0 : 100 * (sent - received) / sent, ms));
            return new Stats(sent, received);
        } finally {
            c.close(fd);
        }
    }

    private static String explain(int errno) {
        return switch (errno) {
            case 101 -> " (no route to that address from this namespace: is the link up, and has it an address in that network?)";
            case 100 -> " (the link is down: ip link set DEV up)";
            default -> "";
        };
    }

    private record Reply(int ttl, long at) {}

    /** Reads ICMP packets until our echo reply comes, or the time is up. */
    private static Reply await(int fd, int id, int seq, long t0, double timeoutSeconds, BooleanSupplier cancelled) {
        var c = Native.libc();
        Pointer buf = Memory.allocateDirect(Native.runtime(), 1500);
        long deadline = t0 + (long) (timeoutSeconds * 1e9);
        while (System.nanoTime() < deadline && !cancelled.getAsBoolean()) {
            long n = c.recv(fd, buf, 1500, 0);
            if (n < 0) {
                int errno = Native.errno();
                if (errno == Errno.EINTR || errno == EAGAIN) {
                    continue; // a slice of the wait is over: the deadline and Ctrl-C decide
                }
                return null;
            }
            long now = System.nanoTime();
            byte[] p = new byte[(int) n];
            buf.get(0, p, 0, p.length);
            int ihl = (p[0] & 0x0f) * 4;
            if (p.length < ihl + 8) {
                continue;
            }
            int type = p[ihl] & 0xff;
            int gotId = ((p[ihl + 4] & 0xff) << 8) | (p[ihl + 5] & 0xff);
            int gotSeq = ((p[ihl + 6] & 0xff) << 8) | (p[ihl + 7] & 0xff);
            if (type == 0 && gotId == id && gotSeq == (seq & 0xffff)) {
                return new Reply(p[8] & 0xff, now);
            }
        }
        return null;
    }

    static byte[] echo(int id, int seq) {
        byte[] b = new byte[8 + PAYLOAD];
        b[0] = 8; // echo request
        b[4] = (byte) (id >> 8);
        b[5] = (byte) id;
        b[6] = (byte) (seq >> 8);
        b[7] = (byte) seq;
        for (int i = 8; i < b.length; i++) {
            b[i] = (byte) i;
        }
        int sum = checksum(b);
        b[2] = (byte) (sum >> 8);
        b[3] = (byte) sum;
        return b;
    }

    /** The Internet checksum (RFC 1071): one's complement of the one's complement sum of 16-bit words. */
    static int checksum(byte[] b) {
        long sum = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if (b.length % 2 == 1) {
            sum += (b[b.length - 1] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static byte[] sockaddr(byte[] addr) {
        byte[] sa = new byte[16];
        ByteBuffer.wrap(sa).order(ByteOrder.nativeOrder()).putShort((short) AF_INET);
        System.arraycopy(addr, 0, sa, 4, 4);
        return sa;
    }

    private static void sleepUntil(long when, BooleanSupplier cancelled) {
        while (System.nanoTime() < when && !cancelled.getAsBoolean()) {
            try {
                Thread.sleep(Math.min(50, Math.max(1, (when - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

}
