package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;

import dev.diyc.net.RecordedExchange.Names;
import dev.diyc.sys.Call;
import dev.diyc.sys.SyscallException;
import dev.diyc.term.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * iproute2's {@code ip link}, {@code ip addr} and {@code ip route}, as rtnetlink requests from Java.
 * Each method sends the message {@code ip} would send and records it, decoded, as a {@link Call}
 * ({@code RTM_NEWLINK(ifi_index=0, IFLA_IFNAME="veth0", ...) = 0}); a request the kernel refuses
 * throws {@link SyscallException} with its errno, already recorded, with a likely cause in
 * {@link NetlinkExplanations}.
 *
 * <p>Everything acts on the network namespace of the thread that called {@link #open()}. Links are
 * named by IFLA_IFNAME in the request itself where the kernel allows it (set, delete), so a missing
 * device is the kernel's ENODEV; where the kernel wants an index (an address's link, a route's
 * device, a bridge master) diyc asks for it first with RTM_GETLINK, as ip does, and records that
 * lookup with a note. Reads (dumps and lookups) can be kept out of the log with {@link #recordReads}.
 */
public final class RtNetlink implements AutoCloseable {
    private final RecordedExchange net;

    private RtNetlink(NetlinkSocket socket) {
        this.net = new RecordedExchange(socket);
    }

    /** A route socket in the calling thread's network namespace. */
    public static RtNetlink open() {
        return new RtNetlink(NetlinkSocket.open());
    }

    /**
     * Whether successful dumps and lookups are recorded (they are by default). Views and checks that
     * read the network often turn this off; failures are always recorded, since the exception that
     * reports them is printed from the record.
     */
    public RtNetlink recordReads(boolean record) {
        net.recordReads(record);
        return this;
    }

    public NetlinkSocket socket() {
        return net.socket();
    }

    // ---- ip link -------------------------------------------------------------------------------

    /** {@code ip link}: every link in this namespace, in ifindex order. */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        for (NetlinkMessage m : net.dump(IpRequests.linkDump())) {
            if (m.type() == RTM_NEWLINK) {
                links.add(Link.from(m));
            }
        }
        return links;
    }

    /** {@code ip link show NAME}; ENODEV if there is none. */
    public Link link(String name) {
        return lookup(name, null);
    }

    /** The ifindex of a link, asked of the kernel (RTM_GETLINK with IFLA_IFNAME). */
    public int index(String name) {
        return lookup(name, null).index();
    }

    private Link lookup(String name, String why) {
        requireName(name);
        NetlinkMessage request = IpRequests.getLink(name);
        NetlinkSocket.Answer a = net.read(request, why);
        if (a.messages().isEmpty() || a.messages().get(0).type() != RTM_NEWLINK) {
            throw new NetlinkFormatException("the kernel answered RTM_GETLINK for " + name + " without a link");
        }
        return Link.from(a.messages().get(0));
    }

    /**
     * {@code ip link add NAME type veth peer name PEER [netns ...]}: a pair of connected links, a cable
     * with two ends. Either end can be created directly in another namespace.
     *
     * @param nameNs where NAME goes, or null for this namespace ({@code ip link add NAME netns PID ...})
     * @param peer the other end's name, or null to let the kernel pick (vethN)
     * @param peerNs where PEER goes, or null for this namespace ({@code peer name PEER netns PID})
     */
    public void addVeth(String name, Netns nameNs, String peer, Netns peerNs) {
        requireName(name);
        if (peer != null) {
            requireName(peer);
        }
        net.change(IpRequests.newVeth(name, nameNs, peer, peerNs), Names.of(null, nameNs, peerNs));
    }

    /** {@code ip link add NAME type veth peer name PEER}, both ends here. */
    public void addVeth(String name, String peer) {
        addVeth(name, null, peer, null);
    }

    /** {@code ip link add NAME type veth peer name PEER netns PID}: the peer goes straight into another namespace. */
    public void addVeth(String name, String peer, Netns peerNs) {
        addVeth(name, null, peer, peerNs);
    }

    /** {@code ip link add NAME type bridge}: a virtual switch; links joined to it with {@link #setMaster} are its ports. */
    public void addBridge(String name) {
        requireName(name);
        net.change(IpRequests.newBridge(name), Names.none());
    }

    /** {@code ip link set DEV netns PID} (or an fd on a namespace): the link leaves this namespace. */
    public void setNetns(String dev, Netns target) {
        requireName(dev);
        net.change(IpRequests.setNetns(dev, target), Names.of(null, target, null));
    }

    public void setNetns(String dev, int pid) {
        setNetns(dev, Netns.pid(pid));
    }

    /** {@code ip link set DEV up} / {@code down}. */
    public void setUp(String dev, boolean up) {
        requireName(dev);
        net.change(IpRequests.setUp(dev, up), Names.none());
    }

    /** {@code ip link set DEV master BRIDGE}: the link becomes a port of the bridge. */
    public void setMaster(String dev, String bridge) {
        requireName(dev);
        int master = lookup(bridge, "ip asks for " + bridge + "'s index first: IFLA_MASTER takes an ifindex, not a name").index();
        net.change(IpRequests.setMaster(dev, master), Names.of(Map.of(master, bridge), null, null));
    }

    /** {@code ip link set DEV nomaster}. */
    public void setNoMaster(String dev) {
        requireName(dev);
        net.change(IpRequests.setMaster(dev, 0), Names.none());
    }

    /** {@code ip link del DEV}. Deleting one end of a veth deletes the pair. */
    public void delete(String dev) {
        requireName(dev);
        net.change(IpRequests.delLink(dev), Names.none());
    }

    // ---- ip addr -------------------------------------------------------------------------------

    /** {@code ip addr}'s addresses (IPv4 and IPv6), each with the ifindex of its link. */
    public List<Address> addresses() {
        List<Address> out = new ArrayList<>();
        for (NetlinkMessage m : net.dump(IpRequests.addressDump())) {
            if (m.type() == RTM_NEWADDR) {
                out.add(Address.from(m));
            }
        }
        return out;
    }

    /**
     * {@code ip addr add CIDR dev DEV}. The prefix length is required: without it the CIDR is a
     * {@link UserError} before anything is sent (see {@link Cidr#parse}).
     */
    public void addAddress(String dev, String cidr) {
        Cidr c = Cidr.parse(cidr);
        requireName(dev);
        address(RTM_NEWADDR, dev, c);
    }

    /** {@code ip addr del CIDR dev DEV}. */
    public void deleteAddress(String dev, String cidr) {
        Cidr c = Cidr.parse(cidr);
        requireName(dev);
        address(RTM_DELADDR, dev, c);
    }

    private void address(int type, String dev, Cidr c) {
        int index = lookup(dev, "ip asks for " + dev + "'s index first: an address names its link by ifindex").index();
        net.change(IpRequests.address(type, index, c), Names.of(Map.of(index, dev), null, null));
    }

    // ---- ip route ------------------------------------------------------------------------------

    /** {@code ip route}: the IPv4 routes of the main table. */
    public List<Route> routes() {
        return routes(AF_INET);
    }

    /** {@code ip -4 route} or {@code ip -6 route}: the main table's routes, without cache entries. */
    public List<Route> routes(int family) {
        List<Route> out = new ArrayList<>();
        NetlinkMessage request = IpRequests.routeDump(family);
        NetlinkSocket.Answer a = net.send(request);
        if (a.errno() == ENOENT) {
            // The kernel makes the main table with its first route; before that, asking for it is
            // ENOENT ("FIB table does not exist"). ip shows nothing, and so does diyc.
            net.readNothing(request, "no route was ever added here, so the kernel has no main table yet (it answered ENOENT)");
            return out;
        }
        for (NetlinkMessage m : net.dump(request, a)) {
            if (m.type() == RTM_NEWROUTE) {
                Route r = Route.from(m);
                if (r.table() == RT_TABLE_MAIN && (r.flags() & RTM_F_CLONED) == 0) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** {@code ip route add default via GW}. */
    public void addDefaultRoute(String gateway) {
        addRoute("default", gateway, null);
    }

    /**
     * {@code ip route add DST [via GW] [dev DEV]}: DST is "default", a network (10.0.0.0/24) or an
     * address (a host route). Without a gateway the destination is reached directly on the link.
     */
    public void addRoute(String dst, String via, String dev) {
        route(RTM_NEWROUTE, dst, via, dev);
    }

    /** {@code ip route del DST [via GW] [dev DEV]}. */
    public void deleteRoute(String dst, String via, String dev) {
        route(RTM_DELROUTE, dst, via, dev);
    }

    private void route(int type, String dst, String via, String dev) {
        Cidr d = Cidr.parseDestination(dst);
        byte[] gw = null;
        if (via != null) {
            gw = IpAddresses.parse(via);
            if (gw == null) {
                throw new UserError("\"" + via + "\" is not a gateway address (like 10.0.0.1)");
            }
            if (d.prefixLength() == 0 && gw.length != d.address().length) {
                d = new Cidr(new byte[gw.length], 0); // "default via fd00::1" is the IPv6 default route
            }
            if (gw.length != d.address().length) {
                throw new UserError("the gateway " + via + " and the destination " + dst + " are not of the same address family");
            }
        }
        if (via == null && dev == null) {
            throw new UserError("a route needs a gateway (via 10.0.0.1) or a device (dev veth0), or both");
        }
        int oif = 0;
        if (dev != null) {
            oif = lookup(dev, "ip asks for " + dev + "'s index first: a route names its device by ifindex").index();
        }
        net.change(IpRequests.route(type, d, gw, oif), Names.of(oif == 0 ? null : Map.of(oif, dev), null, null));
    }

    /**
     * Catches what ip itself refuses before sending: an empty name. Every other rule on names (length,
     * '/', ':', spaces) is left to the kernel, so the learner sees the kernel's EINVAL or ERANGE.
     */
    private static void requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new UserError("a link name is needed (like veth0)");
        }
    }

    @Override
    public void close() {
        net.close();
    }
}
