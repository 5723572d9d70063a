package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;

/**
 * A route, as an RTM_NEWROUTE message from a route dump describes it: what {@code ip route} shows.
 *
 * @param dst RTA_DST, or null for the default route (dstLength 0)
 * @param gateway RTA_GATEWAY ("via"), or null
 * @param oif RTA_OIF, the ifindex of the device ("dev"), or 0
 * @param prefsrc RTA_PREFSRC ("src"), or null
 * @param priority RTA_PRIORITY ("metric"), or -1
 * @param table RTA_TABLE if present (tables above 255 need it), else rtm_table
 * @param pref RTA_PREF, an IPv6 router preference (0 medium, 1 high, 3 low), or -1
 */
public record Route(int family, byte[] dst, int dstLength, byte[] gateway, int oif, int table, int protocol, int scope,
        int type, int flags, byte[] prefsrc, int priority, int pref) {

    public static Route from(NetlinkMessage m) {
        RtMsg h = (RtMsg) m.header();
        byte[] dst = null, gateway = null, prefsrc = null;
        int oif = 0, table = h.table(), priority = -1, pref = -1;
        for (Attribute a : m.attributes()) {
            switch (a.type()) {
                case RTA_DST -> dst = a.payload();
                case RTA_GATEWAY -> gateway = a.payload();
                case RTA_OIF -> oif = a.u32();
                case RTA_PREFSRC -> prefsrc = a.payload();
                case RTA_PRIORITY -> priority = a.u32();
                case RTA_TABLE -> table = a.u32();
                case RTA_PREF -> pref = a.u8();
                default -> { }
            }
        }
        return new Route(h.family(), dst, h.dstLength(), gateway, oif, table, h.protocol(), h.scope(), h.type(), h.flags(),
                prefsrc, priority, pref);
    }

    public boolean isDefault() {
        return dstLength == 0;
    }

    /** "default" or "10.0.0.0/24" (a host route prints without /32, as ip does). */
    public String destination() {
        if (dstLength == 0 || dst == null) {
            return "default";
        }
        return IpAddresses.format(dst) + (dstLength == dst.length * 8 ? "" : "/" + dstLength);
    }

    @Override
    public byte[] dst() {
        return dst == null ? null : dst.clone();
    }

    @Override
    public byte[] gateway() {
        return gateway == null ? null : gateway.clone();
    }

    @Override
    public byte[] prefsrc() {
        return prefsrc == null ? null : prefsrc.clone();
    }
}
