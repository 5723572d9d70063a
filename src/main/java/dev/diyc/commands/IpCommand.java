package dev.diyc.commands;

import dev.diyc.net.Address;
import dev.diyc.net.IpFormat;
import dev.diyc.net.Link;
import dev.diyc.net.Netns;
import dev.diyc.net.RtNetlink;
import dev.diyc.ns.HostContext;
import dev.diyc.ns.Namespace;
import dev.diyc.term.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * iproute2's {@code ip} for the commands the posts use, without the ip binary: each request goes
 * over an rtnetlink socket opened on the context's thread, so it acts on that context's network
 * namespace, and is printed as the message sent and the kernel's answer. iproute2 parses keywords,
 * not options, so picocli only hands the words over.
 */
@Command(name = "ip", mixinStandardHelpOptions = true,
        description = {"Links, addresses and routes over rtnetlink, as iproute2's ip:",
                "  ip link [show]",
                "  ip link add veth0 type veth peer name veth1 [netns PID]",
                "  ip link add br0 type bridge",
                "  ip link set DEV up|down|netns PID|master BR|nomaster",
                "  ip link del DEV",
                "  ip addr [show]",
                "  ip addr add 10.0.0.1/24 dev veth0",
                "  ip route [show]",
                "  ip route add default via 10.0.0.1",
                "  ip route add 10.0.0.0/24 dev veth0 [via GW]",
                "  ip netns add|del NAME",
                "  ip netns list",
                "  ip netns exec NAME CMD...",
                "(netns NAME works wherever netns PID does, once ip netns add NAME made it)"})
final class IpCommand extends NativeCommand {
    @Parameters(arity = "0..*", paramLabel = "OBJECT COMMAND")
    List<String> words = new ArrayList<>();

    /** {@code -br}: one line per link, as iproute2's brief mode. */
    private boolean brief;

    @Override
    public Integer call() {
        List<String> rest = new ArrayList<>(words);
        brief = false;
        while (!rest.isEmpty() && rest.get(0).startsWith("-")) {
            String flag = rest.remove(0);
            switch (flag) {
                case "-br", "-brief" -> brief = true;
                case "-4", "-d", "-details", "-c", "-color" -> { /* accepted: diyc shows IPv4 and plain text anyway */ }
                default -> throw new UserError("ip: diyc's ip does not know the option " + flag + " (it knows -br)");
            }
        }
        IpWords w = new IpWords(rest);
        String object = w.next("link");
        if (IpWords.is(object, "netns", 2)) {
            return IpNetns.run(w, inv);
        }
        return inv.ctx().thread().call(() -> {
            try (RtNetlink nl = RtNetlink.open()) {
                if (IpWords.is(object, "link", 1)) {
                    link(nl, w);
                } else if (IpWords.is(object, "address", 1) || object.equals("addr")) {
                    addr(nl, w);
                } else if (IpWords.is(object, "route", 1)) {
                    route(nl, w);
                } else {
                    throw new UserError("ip: object \"" + object + "\" is unknown here; diyc's ip knows link, addr, route and netns");
                }
            }
            return 0;
        });
    }

    private void link(RtNetlink nl, IpWords w) {
        String cmd = w.next("show");
        if (IpWords.isShow(cmd)) {
            String dev = w.optionalDev();
            var links = dev == null ? nl.links() : List.of(nl.link(dev));
            inv.console().out(brief ? briefLinks(links) : dev == null ? IpFormat.links(links) : IpFormat.link(links.get(0), nl.links()));
        } else if (IpWords.is(cmd, "add", 1)) {
            String name = w.required("a name for the new link");
            Netns nameNs = w.takeNetns();
            w.expect("type");
            String type = w.required("a link type (veth or bridge)");
            Netns peerNs = null;
            try {
                if (type.equals("bridge")) {
                    nl.addBridge(name);
                    madeOnHost(name, nameNs);
                } else if (type.equals("veth")) {
                    w.expect("peer");
                    w.accept("name");
                    String peer = w.required("the peer's name");
                    peerNs = w.takeNetns();
                    nl.addVeth(name, nameNs, peer, peerNs);
                    madeOnHost(name, nameNs);
                    madeOnHost(peer, peerNs);
                } else {
                    throw new UserError("ip link add: diyc makes veth pairs and bridges, not " + type);
                }
            } finally {
                close(nameNs);
                close(peerNs);
            }
        } else if (IpWords.is(cmd, "set", 1)) {
            w.accept("dev"); // ip link set dev veth1 up
            String dev = w.required("a device");
            if (w.done()) {
                throw new UserError("ip link set " + dev + " what? up, down, netns PID, master BR or nomaster");
            }
            while (!w.done()) {
                String what = w.next("");
                switch (what) {
                    case "up" -> nl.setUp(dev, true);
                    case "down" -> nl.setUp(dev, false);
                    case "netns" -> {
                        try (Netns.Fd named = w.named()) {
                            nl.setNetns(dev, named != null ? named : Netns.pid(w.pid()));
                        }
                    }
                    case "master" -> nl.setMaster(dev, w.required("a bridge"));
                    case "nomaster" -> nl.setNoMaster(dev);
                    case "dev" -> { /* ip link set dev veth0 up */ }
                    default -> throw new UserError("ip link set: \"" + what + "\" is not one of up, down, netns, master, nomaster");
                }
            }
        } else if (IpWords.is(cmd, "delete", 3)) {
            w.accept("dev");
            nl.delete(w.required("a device"));
        } else {
            throw new UserError("ip link " + cmd + "? Try: show, add, set, del");
        }
        w.end();
    }

    private void addr(RtNetlink nl, IpWords w) {
        String cmd = w.next("show");
        if (IpWords.isShow(cmd)) {
            String dev = w.optionalDev();
            var links = nl.links();
            var addrs = nl.addresses();
            if (dev != null) {
                int index = nl.index(dev);
                links = links.stream().filter(l -> l.index() == index).toList();
            }
            inv.console().out(brief ? briefAddresses(links, addrs) : IpFormat.addresses(links, addrs));
        } else if (IpWords.is(cmd, "add", 1) || IpWords.is(cmd, "delete", 3)) {
            // iproute2 takes "dev DEV" before or after the address: ip addr add dev veth1 10.0.0.2/24
            String dev = w.accepted("dev") ? w.required("a device") : null;
            String cidr = w.required("an address with its prefix, such as 10.0.0.1/24");
            if (dev == null) {
                w.expect("dev");
                dev = w.required("a device");
            }
            if (IpWords.is(cmd, "add", 1)) {
                nl.addAddress(dev, cidr);
            } else {
                nl.deleteAddress(dev, cidr);
            }
        } else {
            throw new UserError("ip addr " + cmd + "? Try: show, add, del");
        }
        w.end();
    }

    private void route(RtNetlink nl, IpWords w) {
        String cmd = w.next("show");
        if (IpWords.isShow(cmd)) {
            inv.console().out(IpFormat.routes(nl.routes(), nl.links()));
        } else if (IpWords.is(cmd, "add", 1) || IpWords.is(cmd, "delete", 3)) {
            String dst = w.required("a destination (default, or a network such as 10.0.0.0/24)");
            String via = null;
            String dev = null;
            while (!w.done()) {
                String k = w.next("");
                switch (k) {
                    case "via" -> via = w.required("a gateway address");
                    case "dev" -> dev = w.required("a device");
                    default -> throw new UserError("ip route: \"" + k + "\" is not one of via, dev");
                }
            }
            if (IpWords.is(cmd, "add", 1)) {
                if (dst.equals("default") && dev == null) {
                    if (via == null) {
                        throw new UserError("ip route add default needs via GATEWAY");
                    }
                    nl.addDefaultRoute(via);
                } else {
                    nl.addRoute(dst, via, dev);
                }
            } else {
                nl.deleteRoute(dst, via, dev);
            }
        } else {
            throw new UserError("ip route " + cmd + "? Try: show, add, del");
        }
        w.end();
    }

    /**
     * A link made in the host's namespace is recorded, to be undone on reset and on exit. Runs on
     * the context's thread, which {@code ip netns exec} may have moved into a named namespace.
     */
    private void madeOnHost(String name, Netns where) {
        if (where == null && inv.ctx() instanceof HostContext
                && Namespace.NET.of(Path.of("/proc/thread-self"))
                        .equals(inv.lab().hostNamespaces().id(Namespace.NET))) {
            inv.lab().hostChanges().linkCreated(name);
        }
    }

    /** A namespace named by an fd (netns NAME) is closed once the request is sent. */
    private static void close(Netns ns) {
        if (ns instanceof Netns.Fd fd) {
            fd.close();
        }
    }

    private static String briefLinks(List<Link> links) {
        Map<Integer, Link> byIndex = links.stream().collect(Collectors.toMap(Link::index, l -> l));
        StringBuilder b = new StringBuilder();
        for (var l : links) {
            b.append(String.format("%-16s %-14s %s%n", IpFormat.nameAndPeer(l, byIndex), l.operStateName(), l.mac()));
        }
        return b.toString();
    }

    private static String briefAddresses(List<Link> links, List<Address> addrs) {
        Map<Integer, Link> byIndex = links.stream().collect(Collectors.toMap(Link::index, l -> l));
        StringBuilder b = new StringBuilder();
        for (var l : links) {
            String a = String.join(" ", addrs.stream().filter(x -> x.index() == l.index()).map(Address::cidr).toList());
            b.append(String.format("%-16s %-14s %s%n", IpFormat.nameAndPeer(l, byIndex), l.operStateName(), a).stripTrailing()).append('\n');
        }
        return b.toString();
    }

}
