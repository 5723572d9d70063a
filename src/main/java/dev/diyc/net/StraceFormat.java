package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;

import dev.diyc.sys.Arg;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Shows a netlink request the way strace decodes one, shortened to what a learner reads:
 * <pre>RTM_NEWLINK(ifi_index=0, IFLA_IFNAME="veth0", IFLA_LINKINFO={IFLA_INFO_KIND="veth",
 * IFLA_INFO_DATA={VETH_INFO_PEER={IFLA_IFNAME="veth1", IFLA_NET_NS_PID=4242}}},
 * NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL) = 0</pre>
 * The message type is the call's name; the struct's fields, the attributes (nests in braces) and
 * the flags are its arguments; the kernel's ACK is its result. Everything is decoded from the bytes
 * that were sent, so the line cannot disagree with the message.
 */
public final class StraceFormat {
    /**
     * What the bytes alone do not say: the path behind an fd (shown as strace -y does,
     * {@code 7</proc/42/ns/net>}) and the name behind an ifindex (shown as strace does,
     * {@code if_nametoindex("br0")}). Either function may return null.
     */
    public record Names(IntFunction<String> fdPaths, IntFunction<String> linkNames) {
        public static final Names NONE = new Names(fd -> null, index -> null);
    }

    private StraceFormat() {}

    private static final BitNames COMMON = new BitNames().bit("NLM_F_REQUEST", NLM_F_REQUEST).bit("NLM_F_MULTI", NLM_F_MULTI)
            .bit("NLM_F_ACK", NLM_F_ACK).bit("NLM_F_ECHO", NLM_F_ECHO).bit("NLM_F_DUMP_INTR", NLM_F_DUMP_INTR)
            .bit("NLM_F_DUMP_FILTERED", NLM_F_DUMP_FILTERED);
    private static final BitNames GET = new BitNames().bit("NLM_F_DUMP", NLM_F_DUMP).bit("NLM_F_ROOT", NLM_F_ROOT)
            .bit("NLM_F_MATCH", NLM_F_MATCH).bit("NLM_F_ATOMIC", NLM_F_ATOMIC);
    // Create before exclusive: the order iproute2's source and most tutorials write them in.
    private static final BitNames NEW = new BitNames().bit("NLM_F_CREATE", NLM_F_CREATE).bit("NLM_F_EXCL", NLM_F_EXCL)
            .bit("NLM_F_REPLACE", NLM_F_REPLACE).bit("NLM_F_APPEND", NLM_F_APPEND);
    private static final BitNames DEL = new BitNames().bit("NLM_F_NONREC", NLM_F_NONREC).bit("NLM_F_BULK", NLM_F_BULK);

    private static final BitNames RTEXT_FILTER = new BitNames().bit("RTEXT_FILTER_VF", 1).bit("RTEXT_FILTER_BRVLAN", 2)
            .bit("RTEXT_FILTER_BRVLAN_COMPRESSED", 4).bit("RTEXT_FILTER_SKIP_STATS", 8);

    /** RTM_NEWLINK, NLMSG_ERROR...; an unknown type as its number. */
    public static String typeName(int type) {
        return switch (type) {
            case NLMSG_NOOP -> "NLMSG_NOOP";
            case NLMSG_ERROR -> "NLMSG_ERROR";
            case NLMSG_DONE -> "NLMSG_DONE";
            case NLMSG_OVERRUN -> "NLMSG_OVERRUN";
            case RTM_NEWLINK -> "RTM_NEWLINK";
            case RTM_DELLINK -> "RTM_DELLINK";
            case RTM_GETLINK -> "RTM_GETLINK";
            case RTM_SETLINK -> "RTM_SETLINK";
            case RTM_NEWADDR -> "RTM_NEWADDR";
            case RTM_DELADDR -> "RTM_DELADDR";
            case RTM_GETADDR -> "RTM_GETADDR";
            case RTM_NEWROUTE -> "RTM_NEWROUTE";
            case RTM_DELROUTE -> "RTM_DELROUTE";
            case RTM_GETROUTE -> "RTM_GETROUTE";
            default -> "nlmsg_type=" + type;
        };
    }

    /** The flags, with the type-dependent bits named for this message type. */
    public static String flags(int type, int flags) {
        List<String> names = new ArrayList<>(COMMON.names(flags & 0xff));
        int high = flags & ~0xff;
        BitNames specific = switch (type) {
            case RTM_GETLINK, RTM_GETADDR, RTM_GETROUTE -> GET;
            case RTM_NEWLINK, RTM_SETLINK, RTM_NEWADDR, RTM_NEWROUTE -> NEW;
            case RTM_DELLINK, RTM_DELADDR, RTM_DELROUTE -> DEL;
            default -> new BitNames();
        };
        names.addAll(specific.names(high));
        return names.isEmpty() ? "0" : String.join("|", names);
    }

    /** The call's arguments: the struct's fields, the attributes, the flags. */
    public static List<String> args(NetlinkMessage m, Names names) {
        List<String> args = new ArrayList<>();
        boolean dump = (m.flags() & NLM_F_DUMP) == NLM_F_DUMP && isGet(m.type());
        FixedHeader h = m.header();
        AttributeSpace space = null;
        if (h instanceof IfInfoMsg i) {
            args.addAll(ifinfomsg(i, names, dump));
            space = AttributeSpace.LINK;
        } else if (h instanceof IfAddrMsg a) {
            args.add("ifa_family=" + NetlinkNames.family(a.family()));
            if (!dump) {
                args.add("ifa_prefixlen=" + a.prefixLength());
                if (a.flags() != 0) {
                    args.add("ifa_flags=" + NetlinkNames.IFA_F.decode(a.flags()));
                }
                args.add("ifa_scope=" + NetlinkNames.scope(a.scope()));
                args.add("ifa_index=" + ifindex(a.index(), names));
            }
            space = AttributeSpace.ADDR;
        } else if (h instanceof RtMsg r) {
            args.add("rtm_family=" + NetlinkNames.family(r.family()));
            if (!dump) {
                args.add("rtm_dst_len=" + r.dstLength());
                if (r.srcLength() != 0) {
                    args.add("rtm_src_len=" + r.srcLength());
                }
                if (r.tos() != 0) {
                    args.add("rtm_tos=" + r.tos());
                }
                args.add("rtm_table=" + NetlinkNames.table(r.table()));
                args.add("rtm_protocol=" + NetlinkNames.protocol(r.protocol()));
                args.add("rtm_scope=" + NetlinkNames.scope(r.scope()));
                args.add("rtm_type=" + NetlinkNames.routeType(r.type()));
                if (r.flags() != 0) {
                    args.add("rtm_flags=0x" + Integer.toHexString(r.flags()));
                }
            }
            space = AttributeSpace.ROUTE;
        }
        if (h != null) {
            for (Attribute a : m.attributes()) {
                args.add(attribute(a, space, names, null));
            }
        }
        args.add(flags(m.type(), m.flags()));
        return args;
    }

    private static boolean isGet(int type) {
        return type == RTM_GETLINK || type == RTM_GETADDR || type == RTM_GETROUTE;
    }

    private static List<String> ifinfomsg(IfInfoMsg i, Names names, boolean dump) {
        List<String> out = new ArrayList<>();
        if (i.family() != AF_UNSPEC || dump) {
            out.add("ifi_family=" + NetlinkNames.family(i.family()));
        }
        if (!dump) {
            if (i.type() != 0) {
                out.add("ifi_type=" + i.type());
            }
            out.add("ifi_index=" + ifindex(i.index(), names));
            if (i.flags() != 0 || i.change() != 0) {
                out.add("ifi_flags=" + NetlinkNames.IFF.decode(i.flags()));
                out.add("ifi_change=" + NetlinkNames.IFF.decode(i.change()));
            }
        }
        return out;
    }

    private static String attribute(Attribute a, AttributeSpace space, Names names, List<Attribute> siblings) {
        AttributeSpace.Type t = space == null ? null : space.type(a.type());
        if (t == null) {
            return "[" + a.type() + "]=" + hex(a.payload());
        }
        return t.name() + "=" + value(a, t, names, siblings);
    }

    private static String value(Attribute a, AttributeSpace.Type t, Names names, List<Attribute> siblings) {
        try {
            return switch (t.kind()) {
                case STRING -> Arg.str(a.string());
                case U8 -> Integer.toString(a.u8());
                case U16 -> Integer.toString(a.u16());
                case U32 -> Integer.toUnsignedString(a.u32());
                case S32 -> Integer.toString(a.u32());
                case MAC -> mac(a.payload());
                case IP -> ip(a.payload());
                case IFINDEX -> ifindex(a.u32(), names);
                case NETNS_FD -> Arg.fd(a.u32(), names.fdPaths().apply(a.u32()));
                case TABLE -> NetlinkNames.table(a.u32());
                case IFA_FLAGS -> NetlinkNames.IFA_F.decode(a.u32());
                case EXT_MASK -> RTEXT_FILTER.decode(a.u32());
                case NESTED -> nest(a.nested(), t.nested(), names);
                case INFO_DATA -> nest(a.nested(), AttributeSpace.infoData(kindOf(siblings)), names);
                case PEER -> peer(a, names);
                case BINARY -> hex(a.payload());
            };
        } catch (NetlinkFormatException e) {
            return hex(a.payload());
        }
    }

    private static String nest(List<Attribute> children, AttributeSpace space, Names names) {
        List<String> parts = new ArrayList<>();
        for (Attribute c : children) {
            parts.add(attribute(c, space, names, children));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** VETH_INFO_PEER: the peer's ifinfomsg, shown only when it says more than "a new link", then its attributes. */
    private static String peer(Attribute a, Names names) {
        List<String> parts = new ArrayList<>();
        IfInfoMsg i = IfInfoMsg.decode(Attribute.order(ByteBuffer.wrap(a.payload())), 0);
        if (!i.equals(IfInfoMsg.of(0))) {
            parts.addAll(ifinfomsg(i, names, false));
        }
        List<Attribute> children = a.nested(IfInfoMsg.SIZE);
        for (Attribute c : children) {
            parts.add(attribute(c, AttributeSpace.LINK, names, children));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    private static String kindOf(List<Attribute> siblings) {
        if (siblings != null) {
            for (Attribute s : siblings) {
                if (s.type() == IFLA_INFO_KIND) {
                    return s.string();
                }
            }
        }
        return null;
    }

    private static String ifindex(int index, Names names) {
        String name = index > 0 ? names.linkNames().apply(index) : null;
        return name == null ? Integer.toString(index) : "if_nametoindex(" + Arg.str(name) + ")";
    }

    /** As strace shows an address: inet_addr("10.0.0.1"), inet_pton(AF_INET6, "fe80::1"). */
    static String ip(byte[] a) {
        if (a.length == 4) {
            return "inet_addr(" + Arg.str(IpAddresses.format(a)) + ")";
        }
        if (a.length == 16) {
            return "inet_pton(AF_INET6, " + Arg.str(IpAddresses.format(a)) + ")";
        }
        return hex(a);
    }

    static String mac(byte[] a) {
        StringBuilder b = new StringBuilder();
        for (byte x : a) {
            if (b.length() > 0) {
                b.append(':');
            }
            b.append(String.format("%02x", x & 0xff));
        }
        return b.toString();
    }

    private static String hex(byte[] a) {
        StringBuilder b = new StringBuilder("\"");
        for (byte x : a) {
            b.append(String.format("\\x%02x", x & 0xff));
        }
        return b.append('"').toString();
    }
}
