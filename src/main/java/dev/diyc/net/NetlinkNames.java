package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;

/**
 * rtnetlink's numbers by the names the kernel's headers give them (AF_INET, RT_SCOPE_LINK,
 * RTPROT_BOOT, IFF_UP|IFF_RUNNING): how strace shows a message's fields, and what ip's words are
 * made from. An unknown number stays a number.
 */
final class NetlinkNames {
    private NetlinkNames() {}

    static final BitNames IFF = new BitNames().bit("IFF_UP", IFF_UP).bit("IFF_BROADCAST", IFF_BROADCAST)
            .bit("IFF_DEBUG", IFF_DEBUG).bit("IFF_LOOPBACK", IFF_LOOPBACK).bit("IFF_POINTOPOINT", IFF_POINTOPOINT)
            .bit("IFF_NOTRAILERS", IFF_NOTRAILERS).bit("IFF_RUNNING", IFF_RUNNING).bit("IFF_NOARP", IFF_NOARP)
            .bit("IFF_PROMISC", IFF_PROMISC).bit("IFF_ALLMULTI", IFF_ALLMULTI).bit("IFF_MASTER", IFF_MASTER)
            .bit("IFF_SLAVE", IFF_SLAVE).bit("IFF_MULTICAST", IFF_MULTICAST).bit("IFF_PORTSEL", IFF_PORTSEL)
            .bit("IFF_AUTOMEDIA", IFF_AUTOMEDIA).bit("IFF_DYNAMIC", IFF_DYNAMIC).bit("IFF_LOWER_UP", IFF_LOWER_UP)
            .bit("IFF_DORMANT", IFF_DORMANT).bit("IFF_ECHO", IFF_ECHO);

    static final BitNames IFA_F = new BitNames().bit("IFA_F_SECONDARY", IFA_F_SECONDARY).bit("IFA_F_NODAD", IFA_F_NODAD)
            .bit("IFA_F_OPTIMISTIC", IFA_F_OPTIMISTIC).bit("IFA_F_DADFAILED", IFA_F_DADFAILED)
            .bit("IFA_F_HOMEADDRESS", IFA_F_HOMEADDRESS).bit("IFA_F_DEPRECATED", IFA_F_DEPRECATED)
            .bit("IFA_F_TENTATIVE", IFA_F_TENTATIVE).bit("IFA_F_PERMANENT", IFA_F_PERMANENT)
            .bit("IFA_F_MANAGETEMPADDR", IFA_F_MANAGETEMPADDR).bit("IFA_F_NOPREFIXROUTE", IFA_F_NOPREFIXROUTE)
            .bit("IFA_F_MCAUTOJOIN", IFA_F_MCAUTOJOIN).bit("IFA_F_STABLE_PRIVACY", IFA_F_STABLE_PRIVACY);

    static String family(int f) {
        return switch (f) {
            case AF_UNSPEC -> "AF_UNSPEC";
            case AF_INET -> "AF_INET";
            case AF_INET6 -> "AF_INET6";
            case AF_BRIDGE -> "AF_BRIDGE";
            case AF_PACKET -> "AF_PACKET";
            default -> Integer.toString(f);
        };
    }

    static String scope(int s) {
        return switch (s) {
            case RT_SCOPE_UNIVERSE -> "RT_SCOPE_UNIVERSE";
            case RT_SCOPE_SITE -> "RT_SCOPE_SITE";
            case RT_SCOPE_LINK -> "RT_SCOPE_LINK";
            case RT_SCOPE_HOST -> "RT_SCOPE_HOST";
            case RT_SCOPE_NOWHERE -> "RT_SCOPE_NOWHERE";
            default -> Integer.toString(s);
        };
    }

    static String table(int t) {
        return switch (t) {
            case RT_TABLE_UNSPEC -> "RT_TABLE_UNSPEC";
            case RT_TABLE_DEFAULT -> "RT_TABLE_DEFAULT";
            case RT_TABLE_MAIN -> "RT_TABLE_MAIN";
            case RT_TABLE_LOCAL -> "RT_TABLE_LOCAL";
            default -> Integer.toUnsignedString(t);
        };
    }

    static String protocol(int p) {
        return switch (p) {
            case RTPROT_UNSPEC -> "RTPROT_UNSPEC";
            case RTPROT_REDIRECT -> "RTPROT_REDIRECT";
            case RTPROT_KERNEL -> "RTPROT_KERNEL";
            case RTPROT_BOOT -> "RTPROT_BOOT";
            case RTPROT_STATIC -> "RTPROT_STATIC";
            case RTPROT_RA -> "RTPROT_RA";
            case RTPROT_DHCP -> "RTPROT_DHCP";
            default -> Integer.toString(p);
        };
    }

    static String routeType(int t) {
        return switch (t) {
            case RTN_UNSPEC -> "RTN_UNSPEC";
            case RTN_UNICAST -> "RTN_UNICAST";
            case RTN_LOCAL -> "RTN_LOCAL";
            case RTN_BROADCAST -> "RTN_BROADCAST";
            case RTN_ANYCAST -> "RTN_ANYCAST";
            case RTN_MULTICAST -> "RTN_MULTICAST";
            case RTN_BLACKHOLE -> "RTN_BLACKHOLE";
            case RTN_UNREACHABLE -> "RTN_UNREACHABLE";
            case RTN_PROHIBIT -> "RTN_PROHIBIT";
            case RTN_THROW -> "RTN_THROW";
            case RTN_NAT -> "RTN_NAT";
            default -> Integer.toString(t);
        };
    }
}
