package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;

import java.util.HashMap;
import java.util.Map;

/**
 * What the attribute numbers of one nest mean, so a message can be shown decoded: IFLA_* inside a
 * link message, IFLA_INFO_* inside IFLA_LINKINFO, VETH_INFO_* inside a veth's IFLA_INFO_DATA, and
 * so on. Only the attributes diyc sends or a learner meets are named; others print as numbers.
 */
final class AttributeSpace {
    /** How a payload is shown. */
    enum Kind {
        STRING, U8, U16, U32, S32, MAC, IP, IFINDEX, NETNS_FD, NESTED, INFO_DATA, PEER, IFA_FLAGS, EXT_MASK, TABLE, BINARY
    }

    record Type(String name, Kind kind, AttributeSpace nested) {}

    private final Map<Integer, Type> types = new HashMap<>();

    private AttributeSpace add(int number, String name, Kind kind) {
        return add(number, name, kind, null);
    }

    private AttributeSpace add(int number, String name, Kind kind, AttributeSpace nested) {
        types.put(number, new Type(name, kind, nested));
        return this;
    }

    Type type(int number) {
        return types.get(number);
    }

    static final AttributeSpace BRIDGE = new AttributeSpace()
            .add(IFLA_BR_FORWARD_DELAY, "IFLA_BR_FORWARD_DELAY", Kind.U32)
            .add(IFLA_BR_HELLO_TIME, "IFLA_BR_HELLO_TIME", Kind.U32)
            .add(IFLA_BR_MAX_AGE, "IFLA_BR_MAX_AGE", Kind.U32)
            .add(IFLA_BR_AGEING_TIME, "IFLA_BR_AGEING_TIME", Kind.U32)
            .add(IFLA_BR_STP_STATE, "IFLA_BR_STP_STATE", Kind.U32)
            .add(IFLA_BR_PRIORITY, "IFLA_BR_PRIORITY", Kind.U16)
            .add(IFLA_BR_VLAN_FILTERING, "IFLA_BR_VLAN_FILTERING", Kind.U8);

    static final AttributeSpace LINK = new AttributeSpace();
    static final AttributeSpace VETH = new AttributeSpace().add(VETH_INFO_PEER, "VETH_INFO_PEER", Kind.PEER, LINK);
    static final AttributeSpace LINKINFO = new AttributeSpace()
            .add(IFLA_INFO_KIND, "IFLA_INFO_KIND", Kind.STRING)
            .add(IFLA_INFO_DATA, "IFLA_INFO_DATA", Kind.INFO_DATA)
            .add(IFLA_INFO_SLAVE_KIND, "IFLA_INFO_SLAVE_KIND", Kind.STRING)
            .add(IFLA_INFO_SLAVE_DATA, "IFLA_INFO_SLAVE_DATA", Kind.BINARY);

    static {
        LINK.add(IFLA_ADDRESS, "IFLA_ADDRESS", Kind.MAC)
                .add(IFLA_BROADCAST, "IFLA_BROADCAST", Kind.MAC)
                .add(IFLA_IFNAME, "IFLA_IFNAME", Kind.STRING)
                .add(IFLA_MTU, "IFLA_MTU", Kind.U32)
                .add(IFLA_LINK, "IFLA_LINK", Kind.U32)
                .add(IFLA_QDISC, "IFLA_QDISC", Kind.STRING)
                .add(IFLA_MASTER, "IFLA_MASTER", Kind.IFINDEX)
                .add(IFLA_TXQLEN, "IFLA_TXQLEN", Kind.U32)
                .add(IFLA_OPERSTATE, "IFLA_OPERSTATE", Kind.U8)
                .add(IFLA_LINKMODE, "IFLA_LINKMODE", Kind.U8)
                .add(IFLA_LINKINFO, "IFLA_LINKINFO", Kind.NESTED, LINKINFO)
                .add(IFLA_NET_NS_PID, "IFLA_NET_NS_PID", Kind.U32)
                .add(IFLA_IFALIAS, "IFLA_IFALIAS", Kind.STRING)
                .add(IFLA_GROUP, "IFLA_GROUP", Kind.U32)
                .add(IFLA_NET_NS_FD, "IFLA_NET_NS_FD", Kind.NETNS_FD)
                .add(IFLA_EXT_MASK, "IFLA_EXT_MASK", Kind.EXT_MASK)
                .add(IFLA_PROMISCUITY, "IFLA_PROMISCUITY", Kind.U32)
                .add(IFLA_NUM_TX_QUEUES, "IFLA_NUM_TX_QUEUES", Kind.U32)
                .add(IFLA_NUM_RX_QUEUES, "IFLA_NUM_RX_QUEUES", Kind.U32)
                .add(IFLA_CARRIER, "IFLA_CARRIER", Kind.U8)
                .add(IFLA_LINK_NETNSID, "IFLA_LINK_NETNSID", Kind.S32)
                .add(IFLA_NEW_NETNSID, "IFLA_NEW_NETNSID", Kind.S32)
                .add(IFLA_TARGET_NETNSID, "IFLA_TARGET_NETNSID", Kind.S32)
                .add(IFLA_MIN_MTU, "IFLA_MIN_MTU", Kind.U32)
                .add(IFLA_MAX_MTU, "IFLA_MAX_MTU", Kind.U32)
                .add(IFLA_ALT_IFNAME, "IFLA_ALT_IFNAME", Kind.STRING);
    }

    static final AttributeSpace ADDR = new AttributeSpace()
            .add(IFA_ADDRESS, "IFA_ADDRESS", Kind.IP)
            .add(IFA_LOCAL, "IFA_LOCAL", Kind.IP)
            .add(IFA_LABEL, "IFA_LABEL", Kind.STRING)
            .add(IFA_BROADCAST, "IFA_BROADCAST", Kind.IP)
            .add(IFA_ANYCAST, "IFA_ANYCAST", Kind.IP)
            .add(IFA_CACHEINFO, "IFA_CACHEINFO", Kind.BINARY)
            .add(IFA_MULTICAST, "IFA_MULTICAST", Kind.IP)
            .add(IFA_FLAGS, "IFA_FLAGS", Kind.IFA_FLAGS)
            .add(IFA_RT_PRIORITY, "IFA_RT_PRIORITY", Kind.U32)
            .add(IFA_PROTO, "IFA_PROTO", Kind.U8);

    static final AttributeSpace ROUTE = new AttributeSpace()
            .add(RTA_DST, "RTA_DST", Kind.IP)
            .add(RTA_SRC, "RTA_SRC", Kind.IP)
            .add(RTA_IIF, "RTA_IIF", Kind.IFINDEX)
            .add(RTA_OIF, "RTA_OIF", Kind.IFINDEX)
            .add(RTA_GATEWAY, "RTA_GATEWAY", Kind.IP)
            .add(RTA_PRIORITY, "RTA_PRIORITY", Kind.U32)
            .add(RTA_PREFSRC, "RTA_PREFSRC", Kind.IP)
            .add(RTA_METRICS, "RTA_METRICS", Kind.BINARY)
            .add(RTA_MULTIPATH, "RTA_MULTIPATH", Kind.BINARY)
            .add(RTA_CACHEINFO, "RTA_CACHEINFO", Kind.BINARY)
            .add(RTA_TABLE, "RTA_TABLE", Kind.TABLE)
            .add(RTA_MARK, "RTA_MARK", Kind.U32)
            .add(RTA_PREF, "RTA_PREF", Kind.U8)
            .add(RTA_EXPIRES, "RTA_EXPIRES", Kind.U32)
            .add(RTA_UID, "RTA_UID", Kind.U32);

    /** IFLA_INFO_DATA's contents depend on the sibling IFLA_INFO_KIND. */
    static AttributeSpace infoData(String kind) {
        return switch (kind == null ? "" : kind) {
            case "veth" -> VETH;
            case "bridge" -> BRIDGE;
            default -> null;
        };
    }
}
