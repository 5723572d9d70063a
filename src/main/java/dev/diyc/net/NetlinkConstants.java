package dev.diyc.net;

/**
 * The numbers of netlink and rtnetlink, from the kernel's uapi headers (linux/netlink.h,
 * linux/rtnetlink.h, linux/if_link.h, linux/if_addr.h, linux/veth.h, linux/if.h). They are the
 * same on every architecture diyc runs on.
 */
public final class NetlinkConstants {
    private NetlinkConstants() {}

    // Socket: socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE), and the options diyc sets on it.
    public static final int AF_UNSPEC = 0, AF_INET = 2, AF_BRIDGE = 7, AF_INET6 = 10, AF_NETLINK = 16, AF_PACKET = 17;
    public static final int SOCK_RAW = 3, SOCK_CLOEXEC = 0x80000, NETLINK_ROUTE = 0;
    public static final int SOL_SOCKET = 1, SO_RCVTIMEO = 20;
    public static final int SOL_NETLINK = 270, NETLINK_CAP_ACK = 10, NETLINK_EXT_ACK = 11, NETLINK_GET_STRICT_CHK = 12;
    public static final int MSG_TRUNC = 0x20;

    // struct nlmsghdr: len u32, type u16, flags u16, seq u32, pid u32.
    public static final int NLMSG_HDRLEN = 16;
    public static final int NLMSG_NOOP = 1, NLMSG_ERROR = 2, NLMSG_DONE = 3, NLMSG_OVERRUN = 4;

    public static final int NLM_F_REQUEST = 0x1, NLM_F_MULTI = 0x2, NLM_F_ACK = 0x4, NLM_F_ECHO = 0x8,
            NLM_F_DUMP_INTR = 0x10, NLM_F_DUMP_FILTERED = 0x20;
    // The 0x100-0x800 bits mean different things for GET, NEW and DEL requests and for ACKs.
    public static final int NLM_F_ROOT = 0x100, NLM_F_MATCH = 0x200, NLM_F_ATOMIC = 0x400, NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    public static final int NLM_F_REPLACE = 0x100, NLM_F_EXCL = 0x200, NLM_F_CREATE = 0x400, NLM_F_APPEND = 0x800;
    public static final int NLM_F_NONREC = 0x100, NLM_F_BULK = 0x200;
    public static final int NLM_F_CAPPED = 0x100, NLM_F_ACK_TLVS = 0x200;

    /** Extended ACK attributes after an NLMSG_ERROR: the kernel's own words on what it rejected. */
    public static final int NLMSGERR_ATTR_MSG = 1, NLMSGERR_ATTR_OFFS = 2;

    public static final int RTM_NEWLINK = 16, RTM_DELLINK = 17, RTM_GETLINK = 18, RTM_SETLINK = 19,
            RTM_NEWADDR = 20, RTM_DELADDR = 21, RTM_GETADDR = 22,
            RTM_NEWROUTE = 24, RTM_DELROUTE = 25, RTM_GETROUTE = 26;

    // struct rtattr: len u16, type u16, payload padded to 4 bytes. The top two type bits are flags.
    public static final int NLA_HDRLEN = 4, NLA_F_NESTED = 0x8000, NLA_F_NET_BYTEORDER = 0x4000, NLA_TYPE_MASK = 0x3fff;

    // IFLA_*: attributes of a link (RTM_*LINK, after struct ifinfomsg).
    public static final int IFLA_ADDRESS = 1, IFLA_BROADCAST = 2, IFLA_IFNAME = 3, IFLA_MTU = 4, IFLA_LINK = 5,
            IFLA_QDISC = 6, IFLA_STATS = 7, IFLA_MASTER = 10, IFLA_TXQLEN = 13, IFLA_OPERSTATE = 16, IFLA_LINKMODE = 17,
            IFLA_LINKINFO = 18, IFLA_NET_NS_PID = 19, IFLA_IFALIAS = 20, IFLA_AF_SPEC = 26, IFLA_GROUP = 27,
            IFLA_NET_NS_FD = 28, IFLA_EXT_MASK = 29, IFLA_PROMISCUITY = 30, IFLA_NUM_TX_QUEUES = 31,
            IFLA_NUM_RX_QUEUES = 32, IFLA_CARRIER = 33, IFLA_LINK_NETNSID = 37, IFLA_NEW_NETNSID = 45,
            IFLA_TARGET_NETNSID = 46, IFLA_MIN_MTU = 50, IFLA_MAX_MTU = 51, IFLA_ALT_IFNAME = 53;

    public static final int IFLA_INFO_KIND = 1, IFLA_INFO_DATA = 2, IFLA_INFO_XSTATS = 3, IFLA_INFO_SLAVE_KIND = 4,
            IFLA_INFO_SLAVE_DATA = 5;

    /** In a veth's IFLA_INFO_DATA: the other end, a struct ifinfomsg followed by IFLA_* attributes. */
    public static final int VETH_INFO_PEER = 1;

    public static final int IFLA_BR_FORWARD_DELAY = 1, IFLA_BR_HELLO_TIME = 2, IFLA_BR_MAX_AGE = 3,
            IFLA_BR_AGEING_TIME = 4, IFLA_BR_STP_STATE = 5, IFLA_BR_PRIORITY = 6, IFLA_BR_VLAN_FILTERING = 7;

    // ifi_flags (linux/if.h).
    public static final int IFF_UP = 0x1, IFF_BROADCAST = 0x2, IFF_DEBUG = 0x4, IFF_LOOPBACK = 0x8,
            IFF_POINTOPOINT = 0x10, IFF_NOTRAILERS = 0x20, IFF_RUNNING = 0x40, IFF_NOARP = 0x80, IFF_PROMISC = 0x100,
            IFF_ALLMULTI = 0x200, IFF_MASTER = 0x400, IFF_SLAVE = 0x800, IFF_MULTICAST = 0x1000, IFF_PORTSEL = 0x2000,
            IFF_AUTOMEDIA = 0x4000, IFF_DYNAMIC = 0x8000, IFF_LOWER_UP = 0x10000, IFF_DORMANT = 0x20000,
            IFF_ECHO = 0x40000;

    // ifi_type (linux/if_arp.h): what `ip link` prints after "link/".
    public static final int ARPHRD_ETHER = 1, ARPHRD_TUNNEL = 768, ARPHRD_LOOPBACK = 772, ARPHRD_SIT = 776,
            ARPHRD_IPGRE = 778, ARPHRD_NONE = 0xfffe;

    // IFA_*: attributes of an address (RTM_*ADDR, after struct ifaddrmsg).
    public static final int IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_LABEL = 3, IFA_BROADCAST = 4, IFA_ANYCAST = 5,
            IFA_CACHEINFO = 6, IFA_MULTICAST = 7, IFA_FLAGS = 8, IFA_RT_PRIORITY = 9, IFA_PROTO = 11;

    public static final int IFA_F_SECONDARY = 0x01, IFA_F_NODAD = 0x02, IFA_F_OPTIMISTIC = 0x04,
            IFA_F_DADFAILED = 0x08, IFA_F_HOMEADDRESS = 0x10, IFA_F_DEPRECATED = 0x20, IFA_F_TENTATIVE = 0x40,
            IFA_F_PERMANENT = 0x80, IFA_F_MANAGETEMPADDR = 0x100, IFA_F_NOPREFIXROUTE = 0x200,
            IFA_F_MCAUTOJOIN = 0x400, IFA_F_STABLE_PRIVACY = 0x800;

    // RTA_*: attributes of a route (RTM_*ROUTE, after struct rtmsg).
    public static final int RTA_DST = 1, RTA_SRC = 2, RTA_IIF = 3, RTA_OIF = 4, RTA_GATEWAY = 5, RTA_PRIORITY = 6,
            RTA_PREFSRC = 7, RTA_METRICS = 8, RTA_MULTIPATH = 9, RTA_FLOW = 11, RTA_CACHEINFO = 12, RTA_TABLE = 15,
            RTA_MARK = 16, RTA_PREF = 20, RTA_EXPIRES = 23, RTA_UID = 25;

    public static final int RT_TABLE_UNSPEC = 0, RT_TABLE_DEFAULT = 253, RT_TABLE_MAIN = 254, RT_TABLE_LOCAL = 255;

    public static final int RTPROT_UNSPEC = 0, RTPROT_REDIRECT = 1, RTPROT_KERNEL = 2, RTPROT_BOOT = 3,
            RTPROT_STATIC = 4, RTPROT_RA = 9, RTPROT_DHCP = 16;

    public static final int RT_SCOPE_UNIVERSE = 0, RT_SCOPE_SITE = 200, RT_SCOPE_LINK = 253, RT_SCOPE_HOST = 254,
            RT_SCOPE_NOWHERE = 255;

    public static final int RTN_UNSPEC = 0, RTN_UNICAST = 1, RTN_LOCAL = 2, RTN_BROADCAST = 3, RTN_ANYCAST = 4,
            RTN_MULTICAST = 5, RTN_BLACKHOLE = 6, RTN_UNREACHABLE = 7, RTN_PROHIBIT = 8, RTN_THROW = 9, RTN_NAT = 10;

    /** rtm_flags: a route the kernel made from a lookup (a cache entry), not one anybody added. */
    public static final int RTM_F_CLONED = 0x200;

    /** Next-hop flags in rtm_flags: RTNH_F_LINKDOWN makes `ip route` print "linkdown". */
    public static final int RTNH_F_DEAD = 1, RTNH_F_PERVASIVE = 2, RTNH_F_ONLINK = 4, RTNH_F_LINKDOWN = 16;

    /** The errno of a route dump for a table that does not exist yet. */
    static final int ENOENT = 2;
}
