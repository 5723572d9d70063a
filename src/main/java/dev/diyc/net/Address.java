package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An address on a link, as an RTM_NEWADDR message from an address dump describes it: what
 * {@code ip addr} shows under each link.
 *
 * @param local IFA_LOCAL, the interface's own address (for IPv6 only IFA_ADDRESS is sent, and is used)
 * @param peer IFA_ADDRESS when it differs from IFA_LOCAL (a point-to-point peer), or null
 * @param flags IFA_FLAGS if present, else ifa_flags: IFA_F_PERMANENT, IFA_F_TENTATIVE...
 * @param label IFA_LABEL ("veth0", or "veth0:1" for an alias), or null
 * @param validLifetime seconds, or -1 for forever (IFA_CACHEINFO)
 * @param preferredLifetime seconds, or -1 for forever
 */
public record Address(int index, int family, int prefixLength, int scope, int flags, byte[] local, byte[] peer,
        byte[] broadcast, String label, long validLifetime, long preferredLifetime) {

    public static Address from(NetlinkMessage m) {
        IfAddrMsg h = (IfAddrMsg) m.header();
        byte[] local = null, address = null, broadcast = null;
        String label = null;
        int flags = h.flags();
        long valid = -1, preferred = -1;
        for (Attribute a : m.attributes()) {
            switch (a.type()) {
                case IFA_LOCAL -> local = a.payload();
                case IFA_ADDRESS -> address = a.payload();
                case IFA_BROADCAST -> broadcast = a.payload();
                case IFA_LABEL -> label = a.string();
                case IFA_FLAGS -> flags = a.u32();
                case IFA_CACHEINFO -> {
                    // struct ifa_cacheinfo { u32 ifa_prefered, ifa_valid, cstamp, tstamp }; ~0 means forever.
                    ByteBuffer b = Attribute.order(ByteBuffer.wrap(a.payload()));
                    if (b.limit() >= 8) {
                        preferred = lifetime(b.getInt(0));
                        valid = lifetime(b.getInt(4));
                    }
                }
                default -> { }
            }
        }
        byte[] mine = local != null ? local : address;
        byte[] peer = local != null && address != null && !Arrays.equals(local, address) ? address : null;
        return new Address(h.index(), h.family(), h.prefixLength(), h.scope(), flags, mine, peer, broadcast, label, valid, preferred);
    }

    private static long lifetime(int v) {
        return v == -1 ? -1 : Integer.toUnsignedLong(v);
    }

    /** 10.0.0.1/24, as ip prints it. */
    public String cidr() {
        return IpAddresses.format(local) + "/" + prefixLength;
    }

    @Override
    public byte[] local() {
        return local == null ? null : local.clone();
    }

    @Override
    public byte[] peer() {
        return peer == null ? null : peer.clone();
    }

    @Override
    public byte[] broadcast() {
        return broadcast == null ? null : broadcast.clone();
    }
}
