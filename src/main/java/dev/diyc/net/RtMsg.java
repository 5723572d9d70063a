package dev.diyc.net;

import java.nio.ByteBuffer;

/**
 * struct rtmsg: a route's family, destination prefix length (0 for the default route), table,
 * protocol (who added it: the kernel, "boot" for ip route add), scope and type. The destination,
 * gateway and device travel as RTA_DST, RTA_GATEWAY and RTA_OIF.
 */
public record RtMsg(int family, int dstLength, int srcLength, int tos, int table, int protocol, int scope, int type, int flags)
        implements FixedHeader {
    public static final int SIZE = 12;

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer b) {
        b.put((byte) family).put((byte) dstLength).put((byte) srcLength).put((byte) tos).put((byte) table)
                .put((byte) protocol).put((byte) scope).put((byte) type).putInt(flags);
    }

    static RtMsg decode(ByteBuffer b, int at) {
        IfInfoMsg.need(b, at, SIZE);
        return new RtMsg(b.get(at) & 0xff, b.get(at + 1) & 0xff, b.get(at + 2) & 0xff, b.get(at + 3) & 0xff,
                b.get(at + 4) & 0xff, b.get(at + 5) & 0xff, b.get(at + 6) & 0xff, b.get(at + 7) & 0xff, b.getInt(at + 8));
    }
}
