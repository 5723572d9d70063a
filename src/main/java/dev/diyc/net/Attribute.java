package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.NLA_HDRLEN;
import static dev.diyc.net.NetlinkConstants.NLA_TYPE_MASK;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One netlink attribute (struct rtattr): a 2-byte length, a 2-byte type, the payload, then zero
 * padding up to a multiple of 4. A nested attribute's payload is simply more attributes, so a
 * veth's peer sits three levels deep: IFLA_LINKINFO / IFLA_INFO_DATA / VETH_INFO_PEER.
 *
 * <p>Numbers are in host byte order, as the kernel expects on the same machine; IP addresses are in
 * network byte order (they are byte strings, not numbers).
 */
public final class Attribute {
    private final int type;
    private final byte[] payload;

    public Attribute(int type, byte[] payload) {
        this.type = type & NLA_TYPE_MASK;
        this.payload = payload.clone();
    }

    public static Attribute u8(int type, int value) {
        return new Attribute(type, new byte[] {(byte) value});
    }

    public static Attribute u16(int type, int value) {
        return new Attribute(type, order(ByteBuffer.allocate(2)).putShort((short) value).array());
    }

    public static Attribute u32(int type, int value) {
        return new Attribute(type, order(ByteBuffer.allocate(4)).putInt(value).array());
    }

    /** A C string: the kernel wants the terminating NUL counted in the length, as iproute2 sends it. */
    public static Attribute string(int type, String value) {
        byte[] s = value.getBytes(StandardCharsets.UTF_8);
        return new Attribute(type, Arrays.copyOf(s, s.length + 1));
    }

    public static Attribute bytes(int type, byte[] value) {
        return new Attribute(type, value);
    }

    /**
     * A nest. iproute2 sends IFLA_LINKINFO and its children without NLA_F_NESTED, and the kernel
     * accepts it for these old attributes; so does diyc, so the bytes match what ip sends.
     */
    public static Attribute nested(int type, List<Attribute> children) {
        return nested(type, null, children);
    }

    public static Attribute nested(int type, Attribute... children) {
        return nested(type, null, List.of(children));
    }

    /** A nest that starts with a fixed header, as VETH_INFO_PEER starts with the peer's ifinfomsg. */
    public static Attribute nested(int type, FixedHeader header, List<Attribute> children) {
        int size = header == null ? 0 : align(header.size());
        for (Attribute a : children) {
            size += a.encodedLength();
        }
        ByteBuffer b = order(ByteBuffer.allocate(size));
        if (header != null) {
            header.encode(b);
            b.position(align(header.size()));
        }
        for (Attribute a : children) {
            a.encode(b);
        }
        return new Attribute(type, b.array());
    }

    /** The type without the NLA_F_NESTED and NLA_F_NET_BYTEORDER bits. */
    public int type() {
        return type;
    }

    public byte[] payload() {
        return payload.clone();
    }

    public int length() {
        return payload.length;
    }

    public int u8() {
        require(1);
        return payload[0] & 0xff;
    }

    public int u16() {
        require(2);
        return order(ByteBuffer.wrap(payload)).getShort() & 0xffff;
    }

    public int u32() {
        require(4);
        return order(ByteBuffer.wrap(payload)).getInt();
    }

    /** The string up to its NUL (the kernel sends names NUL-terminated, some strings not). */
    public String string() {
        int n = 0;
        while (n < payload.length && payload[n] != 0) {
            n++;
        }
        return new String(payload, 0, n, StandardCharsets.UTF_8);
    }

    /** The payload read as attributes. */
    public List<Attribute> nested() {
        return nested(0);
    }

    /** The payload read as attributes after a fixed header of {@code headerSize} bytes. */
    public List<Attribute> nested(int headerSize) {
        return parse(ByteBuffer.wrap(payload), align(headerSize), payload.length);
    }

    private void require(int n) {
        if (payload.length < n) {
            throw new NetlinkFormatException("attribute " + type + " has " + payload.length + " bytes, expected " + n);
        }
    }

    /** Header, payload and padding. */
    public int encodedLength() {
        return align(NLA_HDRLEN + payload.length);
    }

    public void encode(ByteBuffer b) {
        int start = b.position();
        b.putShort((short) (NLA_HDRLEN + payload.length));
        b.putShort((short) type);
        b.put(payload);
        b.position(start + encodedLength()); // the padding: a fresh buffer is already zero
    }

    /** The attributes in {@code b} between {@code from} and {@code to}; rejects lengths that overrun. */
    public static List<Attribute> parse(ByteBuffer b, int from, int to) {
        ByteBuffer buf = order(b.duplicate());
        List<Attribute> out = new ArrayList<>();
        int pos = from;
        while (pos + NLA_HDRLEN <= to) {
            int len = buf.getShort(pos) & 0xffff;
            int type = buf.getShort(pos + 2) & 0xffff;
            if (len < NLA_HDRLEN || pos + len > to) {
                throw new NetlinkFormatException("attribute of length " + len + " at offset " + pos + " overruns its message (ends at " + to + ")");
            }
            byte[] payload = new byte[len - NLA_HDRLEN];
            buf.get(pos + NLA_HDRLEN, payload);
            out.add(new Attribute(type, payload));
            pos += align(len);
        }
        return out;
    }

    /** NLA_ALIGN / NLMSG_ALIGN: every attribute and message starts on a 4-byte boundary. */
    public static int align(int n) {
        return (n + 3) & ~3;
    }

    static ByteBuffer order(ByteBuffer b) {
        return b.order(ByteOrder.nativeOrder());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute a && a.type == type && Arrays.equals(a.payload, payload);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Attribute[" + type + ", " + payload.length + " bytes]";
    }
}
