package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;

import java.util.List;

/**
 * A network interface as an RTM_NEWLINK message from a link dump describes it: what {@code ip link}
 * shows.
 *
 * @param type ifi_type, the ARPHRD_* hardware type ("link/ether", "link/loopback")
 * @param flags ifi_flags, IFF_UP, IFF_LOWER_UP...
 * @param operState IFLA_OPERSTATE: 0 UNKNOWN ... 2 DOWN ... 6 UP
 * @param qdisc IFLA_QDISC, or null
 * @param kind IFLA_INFO_KIND ("veth", "bridge"), or null for a plain device such as lo
 * @param slaveKind IFLA_INFO_SLAVE_KIND ("bridge" for a port of a bridge), or null
 * @param master IFLA_MASTER, the bridge this link is a port of, or 0
 * @param link IFLA_LINK, for a veth the peer's ifindex (in the peer's namespace), or 0
 * @param linkNetnsId IFLA_LINK_NETNSID, the id this namespace gives the peer's namespace, or -1
 *     when the peer is in this namespace
 * @param address IFLA_ADDRESS (the MAC), or null
 * @param broadcast IFLA_BROADCAST, or null
 * @param txqlen IFLA_TXQLEN, or -1
 * @param group IFLA_GROUP, or -1
 * @param linkMode IFLA_LINKMODE, or -1
 */
public record Link(int index, String name, int type, int flags, int mtu, int operState, String qdisc, String kind,
        String slaveKind, int master, int link, int linkNetnsId, byte[] address, byte[] broadcast, int txqlen, int group,
        int linkMode) {

    public static Link from(NetlinkMessage m) {
        IfInfoMsg h = (IfInfoMsg) m.header();
        String name = null, qdisc = null, kind = null, slaveKind = null;
        int mtu = 0, oper = 0, master = 0, link = 0, netnsid = -1, txqlen = -1, group = -1, mode = -1;
        byte[] address = null, broadcast = null;
        for (Attribute a : m.attributes()) {
            switch (a.type()) {
                case IFLA_IFNAME -> name = a.string();
                case IFLA_MTU -> mtu = a.u32();
                case IFLA_OPERSTATE -> oper = a.u8();
                case IFLA_QDISC -> qdisc = a.string();
                case IFLA_MASTER -> master = a.u32();
                case IFLA_LINK -> link = a.u32();
                case IFLA_LINK_NETNSID -> netnsid = a.u32();
                case IFLA_ADDRESS -> address = a.payload();
                case IFLA_BROADCAST -> broadcast = a.payload();
                case IFLA_TXQLEN -> txqlen = a.u32();
                case IFLA_GROUP -> group = a.u32();
                case IFLA_LINKMODE -> mode = a.u8();
                case IFLA_LINKINFO -> {
                    for (Attribute i : a.nested()) {
                        if (i.type() == IFLA_INFO_KIND) {
                            kind = i.string();
                        } else if (i.type() == IFLA_INFO_SLAVE_KIND) {
                            slaveKind = i.string();
                        }
                    }
                }
                default -> { }
            }
        }
        return new Link(h.index(), name, h.type(), h.flags(), mtu, oper, qdisc, kind, slaveKind, master, link, netnsid,
                address, broadcast, txqlen, group, mode);
    }

    public boolean isUp() {
        return (flags & IFF_UP) != 0;
    }

    /** "UP", "DOWN", "UNKNOWN" (lo when up: it has no carrier to speak of), as `ip link` prints after "state". */
    public String operStateName() {
        return OPERSTATES.get(operState >= 0 && operState < OPERSTATES.size() ? operState : 0);
    }

    private static final List<String> OPERSTATES = List.of("UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
            "TESTING", "DORMANT", "UP");

    /** The MAC as ip prints it, or null. */
    public String mac() {
        return address == null ? null : StraceFormat.mac(address);
    }

    /** The link's peer is in another namespace (a veth end that was moved). */
    public boolean peerElsewhere() {
        return linkNetnsId >= 0;
    }

    @Override
    public byte[] address() {
        return address == null ? null : address.clone();
    }

    @Override
    public byte[] broadcast() {
        return broadcast == null ? null : broadcast.clone();
    }
}
