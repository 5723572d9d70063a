package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.NLMSG_ERROR;
import static dev.diyc.net.NetlinkConstants.NLMSG_HDRLEN;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One netlink message: struct nlmsghdr (length, type, flags, sequence number, port id) and its
 * payload. For rtnetlink the payload is a {@link FixedHeader} followed by {@link Attribute}s; for
 * NLMSG_ERROR it is the errno and the header of the request it answers ({@link NetlinkAck}).
 * A datagram from the kernel may hold several messages (a dump's parts), each 4-byte aligned.
 */
public final class NetlinkMessage {
    private final int type;
    private final int flags;
    private final int seq;
    private final int pid;
    private final byte[] payload;

    public NetlinkMessage(int type, int flags, int seq, int pid, byte[] payload) {
        this.type = type;
        this.flags = flags;
        this.seq = seq;
        this.pid = pid;
        this.payload = payload.clone();
    }

    /** A request: its struct, then its attributes, each aligned. Sequence and port id come at sending. */
    public static NetlinkMessage request(int type, int flags, FixedHeader header, List<Attribute> attributes) {
        int size = Attribute.align(header.size());
        for (Attribute a : attributes) {
            size += a.encodedLength();
        }
        ByteBuffer b = Attribute.order(ByteBuffer.allocate(size));
        header.encode(b);
        b.position(Attribute.align(header.size()));
        for (Attribute a : attributes) {
            a.encode(b);
        }
        return new NetlinkMessage(type, flags, 0, 0, b.array());
    }

    public NetlinkMessage withSeq(int newSeq) {
        return new NetlinkMessage(type, flags, newSeq, pid, payload);
    }

    public int type() {
        return type;
    }

    public int flags() {
        return flags;
    }

    public int seq() {
        return seq;
    }

    public int pid() {
        return pid;
    }

    public byte[] payload() {
        return payload.clone();
    }

    /** nlmsg_len: the header and the payload, without the trailing padding. */
    public int length() {
        return NLMSG_HDRLEN + payload.length;
    }

    /** The ifinfomsg, ifaddrmsg or rtmsg at the start of the payload, or null for other types. */
    public FixedHeader header() {
        return FixedHeader.decode(type, Attribute.order(ByteBuffer.wrap(payload)), 0);
    }

    /** The attributes after the fixed header. */
    public List<Attribute> attributes() {
        int start = Attribute.align(FixedHeader.sizeFor(type));
        if (start > payload.length) {
            throw new NetlinkFormatException("message of type " + type + " too short for its header");
        }
        return Attribute.parse(ByteBuffer.wrap(payload), start, payload.length);
    }

    public boolean isError() {
        return type == NLMSG_ERROR;
    }

    public NetlinkAck ack() {
        return NetlinkAck.decode(this);
    }

    public byte[] encode() {
        ByteBuffer b = Attribute.order(ByteBuffer.allocate(Attribute.align(length())));
        b.putInt(length()).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid).put(payload);
        return b.array();
    }

    /** Every message in a datagram of {@code len} bytes; rejects lengths that overrun it. */
    public static List<NetlinkMessage> parseAll(byte[] buf, int len) {
        ByteBuffer b = Attribute.order(ByteBuffer.wrap(buf, 0, len));
        List<NetlinkMessage> out = new ArrayList<>();
        int pos = 0;
        while (pos + NLMSG_HDRLEN <= len) {
            int msgLen = b.getInt(pos);
            if (msgLen < NLMSG_HDRLEN || pos + msgLen > len) {
                throw new NetlinkFormatException("message of length " + msgLen + " at offset " + pos + " overruns the " + len + "-byte datagram");
            }
            out.add(new NetlinkMessage(b.getShort(pos + 4) & 0xffff, b.getShort(pos + 6) & 0xffff, b.getInt(pos + 8),
                    b.getInt(pos + 12), Arrays.copyOfRange(buf, pos + NLMSG_HDRLEN, pos + msgLen)));
            pos += Attribute.align(msgLen);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetlinkMessage m && m.type == type && m.flags == flags && m.seq == seq && m.pid == pid
                && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + type;
    }

    @Override
    public String toString() {
        return "NetlinkMessage[type=" + type + ", flags=0x" + Integer.toHexString(flags) + ", seq=" + seq + ", " + payload.length + " bytes]";
    }
}
