package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rtnetlink messages iproute2's {@code ip} sends for the commands the posts use, built but not
 * sent. Where ip's bytes are the natural choice they are ip's bytes (the unit tests compare them
 * with what ip 6.1 sends, captured with strace); the one difference on purpose: ip resolves a
 * link's name to its index before {@code ip link set/del}, diyc names the link with IFLA_IFNAME in
 * the request, so a missing device is the kernel's own ENODEV.
 */
public final class IpRequests {
    /** Asks the kernel to leave statistics out of link answers (RTEXT_FILTER_SKIP_STATS), as ip does. */
    static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;
    static final int CREATE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;
    static final int CHANGE = NLM_F_REQUEST | NLM_F_ACK;
    static final int DUMP = NLM_F_REQUEST | NLM_F_DUMP;

    private IpRequests() {}

    /** RTM_GETLINK with NLM_F_DUMP: every link. */
    public static NetlinkMessage linkDump() {
        return NetlinkMessage.request(RTM_GETLINK, DUMP, IfInfoMsg.of(0), List.of(Attribute.u32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS)));
    }

    /** RTM_GETLINK for one link by name; the answer is an RTM_NEWLINK, or ENODEV. */
    public static NetlinkMessage getLink(String name) {
        return NetlinkMessage.request(RTM_GETLINK, NLM_F_REQUEST, IfInfoMsg.of(0),
                List.of(Attribute.string(IFLA_IFNAME, name), Attribute.u32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS)));
    }

    /**
     * {@code ip link add NAME [netns ...] type veth peer name PEER [netns ...]}: IFLA_LINKINFO names the
     * kind, and the kind's data (IFLA_INFO_DATA) holds the peer: VETH_INFO_PEER, an ifinfomsg of its
     * own followed by the peer's attributes. Each end's namespace attribute comes after its name.
     */
    public static NetlinkMessage newVeth(String name, Netns nameNs, String peer, Netns peerNs) {
        List<Attribute> peerAttributes = new ArrayList<>();
        if (peer != null) {
            peerAttributes.add(Attribute.string(IFLA_IFNAME, peer));
        }
        if (peerNs != null) {
            peerAttributes.add(peerNs.attribute());
        }
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(Attribute.string(IFLA_IFNAME, name));
        if (nameNs != null) {
            attributes.add(nameNs.attribute());
        }
        attributes.add(Attribute.nested(IFLA_LINKINFO,
                kind("veth"),
                Attribute.nested(IFLA_INFO_DATA, Attribute.nested(VETH_INFO_PEER, IfInfoMsg.of(0), peerAttributes))));
        return NetlinkMessage.request(RTM_NEWLINK, CREATE, IfInfoMsg.of(0), attributes);
    }

    /** {@code ip link add NAME type bridge}. */
    public static NetlinkMessage newBridge(String name) {
        return NetlinkMessage.request(RTM_NEWLINK, CREATE, IfInfoMsg.of(0),
                List.of(Attribute.string(IFLA_IFNAME, name), Attribute.nested(IFLA_LINKINFO, kind("bridge"))));
    }

    /** ip sends IFLA_INFO_KIND without the NUL that it sends after a name; the kernel takes either. */
    private static Attribute kind(String kind) {
        return Attribute.bytes(IFLA_INFO_KIND, kind.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code ip link set DEV netns PID|NAME}. */
    public static NetlinkMessage setNetns(String dev, Netns target) {
        return NetlinkMessage.request(RTM_NEWLINK, CHANGE, IfInfoMsg.of(0), List.of(Attribute.string(IFLA_IFNAME, dev), target.attribute()));
    }

    /** {@code ip link set DEV up|down}: ifi_flags is the wanted value, ifi_change the mask of flags to apply. */
    public static NetlinkMessage setUp(String dev, boolean up) {
        return NetlinkMessage.request(RTM_NEWLINK, CHANGE, new IfInfoMsg(AF_UNSPEC, 0, 0, up ? IFF_UP : 0, IFF_UP),
                List.of(Attribute.string(IFLA_IFNAME, dev)));
    }

    /** {@code ip link set DEV master BRIDGE} (masterIndex 0: {@code nomaster}). */
    public static NetlinkMessage setMaster(String dev, int masterIndex) {
        return NetlinkMessage.request(RTM_NEWLINK, CHANGE, IfInfoMsg.of(0),
                List.of(Attribute.string(IFLA_IFNAME, dev), Attribute.u32(IFLA_MASTER, masterIndex)));
    }

    /** {@code ip link del DEV}. */
    public static NetlinkMessage delLink(String dev) {
        return NetlinkMessage.request(RTM_DELLINK, CHANGE, IfInfoMsg.of(0), List.of(Attribute.string(IFLA_IFNAME, dev)));
    }

    /** RTM_GETADDR with NLM_F_DUMP: every address, IPv4 and IPv6. */
    public static NetlinkMessage addressDump() {
        return NetlinkMessage.request(RTM_GETADDR, DUMP, new IfAddrMsg(AF_UNSPEC, 0, 0, 0, 0), List.of());
    }

    /**
     * {@code ip addr add|del CIDR dev DEV}: IFA_LOCAL and IFA_ADDRESS both the address, as ip sends
     * them for a link that is not point-to-point; 127.x and ::1 get host scope, the rest global.
     * No broadcast (ip adds one only with "brd +").
     */
    public static NetlinkMessage address(int type, int index, Cidr c) {
        byte[] a = c.address();
        boolean loopback = a.length == 4 ? (a[0] & 0xff) == 127 : Arrays.equals(a, IpAddresses.parse("::1"));
        IfAddrMsg h = new IfAddrMsg(c.family(), c.prefixLength(), 0, loopback ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE, index);
        return NetlinkMessage.request(type, type == RTM_NEWADDR ? CREATE : CHANGE, h,
                List.of(Attribute.bytes(IFA_LOCAL, a), Attribute.bytes(IFA_ADDRESS, a)));
    }

    /**
     * RTM_GETROUTE with NLM_F_DUMP for one family and the main table, as {@code ip route} asks: with
     * strict checking on the socket the kernel sends only that table's routes.
     */
    public static NetlinkMessage routeDump(int family) {
        return NetlinkMessage.request(RTM_GETROUTE, DUMP, new RtMsg(family, 0, 0, 0, 0, 0, 0, 0, 0),
                List.of(Attribute.u32(RTA_TABLE, RT_TABLE_MAIN)));
    }

    /**
     * {@code ip route add|del DST [via GW] [dev DEV]} in the main table. As ip decides: protocol
     * "boot" (added by an administrator), scope link when there is no gateway (the destination is on
     * the wire) and global with one; a delete matches any protocol and scope.
     *
     * @param dst the destination; a prefix length of 0 is the default route, sent without RTA_DST
     * @param gateway RTA_GATEWAY, or null
     * @param oif the device's ifindex (RTA_OIF), or 0
     */
    public static NetlinkMessage route(int type, Cidr dst, byte[] gateway, int oif) {
        int family = dst.family();
        List<Attribute> attributes = new ArrayList<>();
        if (dst.prefixLength() > 0) {
            attributes.add(Attribute.bytes(RTA_DST, dst.address()));
        }
        if (gateway != null) {
            attributes.add(Attribute.bytes(RTA_GATEWAY, gateway));
        }
        if (oif != 0) {
            attributes.add(Attribute.u32(RTA_OIF, oif));
        }
        RtMsg h = type == RTM_DELROUTE
                ? new RtMsg(family, dst.prefixLength(), 0, 0, RT_TABLE_MAIN, RTPROT_UNSPEC, RT_SCOPE_NOWHERE, RTN_UNSPEC, 0)
                : new RtMsg(family, dst.prefixLength(), 0, 0, RT_TABLE_MAIN, RTPROT_BOOT,
                        gateway == null ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE, RTN_UNICAST, 0);
        return NetlinkMessage.request(type, type == RTM_NEWROUTE ? CREATE : CHANGE, h, attributes);
    }
}
