package dev.diyc.net;

import java.nio.ByteBuffer;

/**
 * struct ifaddrmsg: the address family, the prefix length (the /24), the scope, and the ifindex of
 * the link the address belongs to. The address itself travels as IFA_LOCAL / IFA_ADDRESS.
 */
public record IfAddrMsg(int family, int prefixLength, int flags, int scope, int index) implements FixedHeader {
    public static final int SIZE = 8;

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer b) {
        b.put((byte) family).put((byte) prefixLength).put((byte) flags).put((byte) scope).putInt(index);
    }

    static IfAddrMsg decode(ByteBuffer b, int at) {
        IfInfoMsg.need(b, at, SIZE);
        return new IfAddrMsg(b.get(at) & 0xff, b.get(at + 1) & 0xff, b.get(at + 2) & 0xff, b.get(at + 3) & 0xff, b.getInt(at + 4));
    }
}
