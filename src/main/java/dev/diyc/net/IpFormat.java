package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints links, addresses and routes the way iproute2 6.x's {@code ip link}, {@code ip addr} and
 * {@code ip route} print them, so a learner recognises what the posts show:
 * <pre>
 * 2: veth0@if3: &lt;BROADCAST,MULTICAST,UP,LOWER_UP&gt; mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000
 *     link/ether 6a:1c:..:..:..:.. brd ff:ff:ff:ff:ff:ff link-netnsid 0
 * </pre>
 * The one difference on purpose: ip leaves a space at the end of some lines; these do not.
 */
public final class IpFormat {
    private IpFormat() {}

    /** {@code ip link}. */
    public static String links(List<Link> links) {
        StringBuilder b = new StringBuilder();
        for (Link l : links) {
            linkLines(b, l, links, true);
        }
        return b.toString();
    }

    /** {@code ip addr}: each link (without "mode"), then its addresses, IPv4 before IPv6 as the kernel dumps them. */
    public static String addresses(List<Link> links, List<Address> addresses) {
        StringBuilder b = new StringBuilder();
        for (Link l : links) {
            linkLines(b, l, links, false);
            for (Address a : addresses) {
                if (a.index() == l.index() && a.family() == AF_INET) {
                    address(b, a);
                }
            }
            for (Address a : addresses) {
                if (a.index() == l.index() && a.family() == AF_INET6) {
                    address(b, a);
                }
            }
        }
        return b.toString();
    }

    /** {@code ip route}; link names come from {@code links} (this namespace's). */
    public static String routes(List<Route> routes, List<Link> links) {
        Map<Integer, String> names = names(links);
        StringBuilder b = new StringBuilder();
        for (Route r : routes) {
            b.append(route(r, names)).append('\n');
        }
        return b.toString();
    }

    /**
     * A link's name as every form of {@code ip link} writes it, {@code -br} included: with its peer
     * ({@code diyc-h7@diyc-c7}) when it has one, by name when the peer is in this namespace, else
     * as {@code @ifN}, its index, since a name in another namespace cannot be looked up from here.
     */
    public static String nameAndPeer(Link l, Map<Integer, Link> byIndex) {
        if (l.link() == 0) {
            return l.name();
        }
        Link peer = l.peerElsewhere() ? null : byIndex.get(l.link());
        return l.name() + "@" + (peer == null ? "if" + l.link() : peer.name());
    }

    /** The two lines {@code ip link} prints for one link. */
    public static String link(Link l, List<Link> all) {
        StringBuilder b = new StringBuilder();
        linkLines(b, l, all, true);
        return b.toString();
    }

    private static void linkLines(StringBuilder b, Link l, List<Link> all, boolean withMode) {
        Map<Integer, Link> byIndex = new HashMap<>();
        for (Link x : all) {
            byIndex.put(x.index(), x);
        }
        b.append(l.index()).append(": ").append(nameAndPeer(l, byIndex));
        Link peer = l.link() == 0 || l.peerElsewhere() ? null : byIndex.get(l.link());
        boolean peerDown = peer != null && !peer.isUp();
        b.append(": <").append(flags(l.flags(), peerDown)).append("> mtu ").append(Integer.toUnsignedString(l.mtu()));
        if (l.qdisc() != null) {
            b.append(" qdisc ").append(l.qdisc());
        }
        if (l.master() != 0) {
            Link m = byIndex.get(l.master());
            b.append(" master ").append(m == null ? "if" + l.master() : m.name());
        }
        b.append(" state ").append(l.operStateName());
        if (withMode && l.linkMode() >= 0) {
            b.append(" mode ").append(l.linkMode() == 1 ? "DORMANT" : l.linkMode() == 0 ? "DEFAULT" : Integer.toString(l.linkMode()));
        }
        if (l.group() >= 0) {
            b.append(" group ").append(l.group() == 0 ? "default" : Integer.toString(l.group()));
        }
        if (l.txqlen() >= 0) {
            b.append(" qlen ").append(l.txqlen());
        }
        b.append("\n    link/").append(linkType(l.type()));
        if (l.address() != null) {
            b.append(' ').append(StraceFormat.mac(l.address()));
        }
        if (l.broadcast() != null) {
            b.append((l.flags() & IFF_POINTOPOINT) != 0 ? " peer " : " brd ").append(StraceFormat.mac(l.broadcast()));
        }
        if (l.linkNetnsId() >= 0) {
            b.append(" link-netnsid ").append(l.linkNetnsId());
        }
        b.append('\n');
    }

    private static final int[] FLAG_ORDER = {IFF_LOOPBACK, IFF_BROADCAST, IFF_POINTOPOINT, IFF_MULTICAST, IFF_NOARP,
        IFF_ALLMULTI, IFF_PROMISC, IFF_MASTER, IFF_SLAVE, IFF_DEBUG, IFF_DYNAMIC, IFF_AUTOMEDIA, IFF_PORTSEL,
        IFF_NOTRAILERS, IFF_UP, IFF_LOWER_UP, IFF_DORMANT, IFF_ECHO};
    private static final String[] FLAG_NAMES = {"LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP",
        "ALLMULTI", "PROMISC", "MASTER", "SLAVE", "DEBUG", "DYNAMIC", "AUTOMEDIA", "PORTSEL", "NOTRAILERS", "UP",
        "LOWER_UP", "DORMANT", "ECHO"};

    /**
     * The flags between angle brackets, in iproute2's order: NO-CARRIER when the link is up with no
     * carrier (a veth whose peer is down), RUNNING never shown, M-DOWN when the peer here is down.
     */
    static String flags(int flags, boolean peerDown) {
        StringBuilder b = new StringBuilder();
        if ((flags & IFF_UP) != 0 && (flags & IFF_RUNNING) == 0) {
            b.append("NO-CARRIER");
        }
        int rest = flags & ~IFF_RUNNING;
        for (int i = 0; i < FLAG_ORDER.length; i++) {
            if ((rest & FLAG_ORDER[i]) != 0) {
                rest &= ~FLAG_ORDER[i];
                b.append(b.length() > 0 ? "," : "").append(FLAG_NAMES[i]);
            }
        }
        if (rest != 0) {
            b.append(b.length() > 0 ? "," : "").append(Integer.toHexString(rest));
        }
        if (peerDown) {
            b.append(",M-DOWN");
        }
        return b.toString();
    }

    static String linkType(int type) {
        return switch (type) {
            case ARPHRD_ETHER -> "ether";
            case ARPHRD_LOOPBACK -> "loopback";
            case ARPHRD_NONE -> "none";
            case ARPHRD_TUNNEL -> "ipip";
            case ARPHRD_SIT -> "sit";
            case ARPHRD_IPGRE -> "gre";
            default -> "[" + type + "]";
        };
    }

    private static void address(StringBuilder b, Address a) {
        b.append("    ").append(a.family() == AF_INET6 ? "inet6 " : "inet ").append(IpAddresses.format(a.local()));
        if (a.peer() != null) {
            b.append(" peer ").append(IpAddresses.format(a.peer()));
        }
        b.append('/').append(a.prefixLength());
        if (a.broadcast() != null) {
            b.append(" brd ").append(IpAddresses.format(a.broadcast()));
        }
        b.append(" scope ").append(scope(a.scope()));
        b.append(addressFlags(a.flags(), a.family()));
        if (a.label() != null) {
            b.append(' ').append(a.label());
        }
        b.append("\n       valid_lft ").append(lifetime(a.validLifetime()))
                .append(" preferred_lft ").append(lifetime(a.preferredLifetime())).append('\n');
    }

    private static String lifetime(long seconds) {
        return seconds < 0 ? "forever" : seconds + "sec";
    }

    /** As iproute2: "dynamic" for an address that is not permanent, then the other flags in its order. */
    static String addressFlags(int flags, int family) {
        StringBuilder b = new StringBuilder();
        if ((flags & IFA_F_SECONDARY) != 0) {
            b.append(family == AF_INET6 ? " temporary" : " secondary");
        }
        String[] names = {"nodad", "optimistic", "dadfailed", "home", "deprecated", "tentative"};
        int[] masks = {IFA_F_NODAD, IFA_F_OPTIMISTIC, IFA_F_DADFAILED, IFA_F_HOMEADDRESS, IFA_F_DEPRECATED, IFA_F_TENTATIVE};
        for (int i = 0; i < names.length; i++) {
            if ((flags & masks[i]) != 0) {
                b.append(' ').append(names[i]);
            }
        }
        if ((flags & IFA_F_PERMANENT) == 0) {
            b.append(" dynamic");
        }
        String[] later = {"mngtmpaddr", "noprefixroute", "autojoin", "stable-privacy"};
        int[] laterMasks = {IFA_F_MANAGETEMPADDR, IFA_F_NOPREFIXROUTE, IFA_F_MCAUTOJOIN, IFA_F_STABLE_PRIVACY};
        for (int i = 0; i < later.length; i++) {
            if ((flags & laterMasks[i]) != 0) {
                b.append(' ').append(later[i]);
            }
        }
        return b.toString();
    }

    /** One line of {@code ip route}. */
    public static String route(Route r, Map<Integer, String> linkNames) {
        StringBuilder b = new StringBuilder();
        if (r.type() != RTN_UNICAST) {
            b.append(routeType(r.type())).append(' ');
        }
        b.append(r.destination());
        if (r.gateway() != null) {
            b.append(" via ").append(IpAddresses.format(r.gateway()));
        }
        if (r.oif() != 0) {
            String name = linkNames.get(r.oif());
            b.append(" dev ").append(name == null ? "if" + r.oif() : name);
        }
        if (r.table() != RT_TABLE_MAIN) {
            b.append(" table ").append(r.table() == RT_TABLE_LOCAL ? "local" : Integer.toUnsignedString(r.table()));
        }
        if ((r.flags() & RTM_F_CLONED) == 0) {
            if (r.protocol() != RTPROT_BOOT) {
                b.append(" proto ").append(protocol(r.protocol()));
            }
            if (r.scope() != RT_SCOPE_UNIVERSE) {
                b.append(" scope ").append(scope(r.scope()));
            }
        }
        if (r.prefsrc() != null) {
            b.append(" src ").append(IpAddresses.format(r.prefsrc()));
        }
        if (r.priority() >= 0) {
            b.append(" metric ").append(Integer.toUnsignedString(r.priority()));
        }
        if ((r.flags() & RTNH_F_DEAD) != 0) {
            b.append(" dead");
        }
        if ((r.flags() & RTNH_F_ONLINK) != 0) {
            b.append(" onlink");
        }
        if ((r.flags() & RTNH_F_PERVASIVE) != 0) {
            b.append(" pervasive");
        }
        if ((r.flags() & RTNH_F_LINKDOWN) != 0) {
            b.append(" linkdown");
        }
        if (r.pref() >= 0) {
            b.append(" pref ").append(switch (r.pref()) {
                case 0 -> "medium";
                case 1 -> "high";
                case 3 -> "low";
                default -> Integer.toString(r.pref());
            });
        }
        return b.toString();
    }

    /** As ip prints a scope: the kernel's name without RT_SCOPE_, lower case, except that universe is "global". */
    static String scope(int s) {
        return s == RT_SCOPE_UNIVERSE ? "global" : NetlinkNames.scope(s).replaceFirst("^RT_SCOPE_", "").toLowerCase();
    }

    /** As ip prints a route's protocol: the kernel's name without RTPROT_, lower case (a number stays a number). */
    static String protocol(int p) {
        return NetlinkNames.protocol(p).replaceFirst("^RTPROT_", "").toLowerCase();
    }

    static String routeType(int t) {
        return switch (t) {
            case RTN_UNSPEC -> "none";
            case RTN_LOCAL -> "local";
            case RTN_BROADCAST -> "broadcast";
            case RTN_ANYCAST -> "anycast";
            case RTN_MULTICAST -> "multicast";
            case RTN_BLACKHOLE -> "blackhole";
            case RTN_UNREACHABLE -> "unreachable";
            case RTN_PROHIBIT -> "prohibit";
            case RTN_THROW -> "throw";
            case RTN_NAT -> "nat";
            default -> Integer.toString(t);
        };
    }

    static Map<Integer, String> names(List<Link> links) {
        Map<Integer, String> names = new HashMap<>();
        for (Link l : links) {
            names.put(l.index(), l.name());
        }
        return names;
    }
}
