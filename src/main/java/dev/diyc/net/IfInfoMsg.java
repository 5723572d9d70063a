package dev.diyc.net;

import java.nio.ByteBuffer;

/**
 * struct ifinfomsg: which link a RTM_*LINK message is about, and which of its flags to change.
 * {@code flags} are the IFF_* values wanted, {@code change} the mask of those to apply: "up" is
 * flags=IFF_UP, change=IFF_UP; "down" is flags=0, change=IFF_UP.
 *
 * @param index the link's ifindex; 0 when the link is named by IFLA_IFNAME instead, or is new
 */
public record IfInfoMsg(int family, int type, int index, int flags, int change) implements FixedHeader {
    public static final int SIZE = 16;

    public static IfInfoMsg of(int index) {
        return new IfInfoMsg(0, 0, index, 0, 0);
    }

    @Override
    public int size() {
        return SIZE;
    }

    @Override
    public void encode(ByteBuffer b) {
        b.put((byte) family).put((byte) 0).putShort((short) type).putInt(index).putInt(flags).putInt(change);
    }

    static IfInfoMsg decode(ByteBuffer b, int at) {
        need(b, at, SIZE);
        return new IfInfoMsg(b.get(at) & 0xff, b.getShort(at + 2) & 0xffff, b.getInt(at + 4), b.getInt(at + 8), b.getInt(at + 12));
    }

    static void need(ByteBuffer b, int at, int size) {
        if (at + size > b.limit()) {
            throw new NetlinkFormatException("message too short for its " + size + "-byte header");
        }
    }
}
