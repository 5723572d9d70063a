package dev.diyc.commands;

import dev.diyc.UserError;
import dev.diyc.net.IpFormat;
import dev.diyc.net.Netns;
import dev.diyc.net.RtNetlink;
import java.util.ArrayList;
import java.util.List;
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
                "  ip link [show]                      ip addr [show]                 ip route [show]",
                "  ip link add veth0 type veth peer name veth1 [netns PID]",
                "  ip link add br0 type bridge         ip link set DEV up|down|netns PID|master BR|nomaster",
                "  ip link del DEV                     ip addr add 10.0.0.1/24 dev veth0",
                "  ip route add default via 10.0.0.1   ip route add 10.0.0.0/24 dev veth0 [via GW]"})
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
        Words w = new Words(rest);
        String object = w.next("link");
        return inv.ctx().thread().call(() -> {
            try (RtNetlink nl = RtNetlink.open()) {
                if (is(object, "link", 1)) {
                    link(nl, w);
                } else if (is(object, "address", 1) || object.equals("addr")) {
                    addr(nl, w);
                } else if (is(object, "route", 1)) {
                    route(nl, w);
                } else {
                    throw new UserError("ip: object \"" + object + "\" is unknown here; diyc's ip knows link, addr and route");
                }
            }
            return 0;
        });
    }

    private void link(RtNetlink nl, Words w) {
        String cmd = w.next("show");
        if (isShow(cmd)) {
            String dev = w.optionalDev();
            var links = dev == null ? nl.links() : List.of(nl.link(dev));
            inv.console().out(brief ? briefLinks(links) : dev == null ? IpFormat.links(links) : IpFormat.link(links.get(0), nl.links()));
        } else if (is(cmd, "add", 1)) {
            String name = w.required("a name for the new link");
            Netns nameNs = w.takeNetns();
            w.expect("type");
            String type = w.required("a link type (veth or bridge)");
            if (type.equals("bridge")) {
                nl.addBridge(name);
                madeOnHost(name, nameNs);
            } else if (type.equals("veth")) {
                w.expect("peer");
                w.accept("name");
                String peer = w.required("the peer's name");
                Netns peerNs = w.takeNetns();
                nl.addVeth(name, nameNs, peer, peerNs);
                madeOnHost(name, nameNs);
                madeOnHost(peer, peerNs);
            } else {
                throw new UserError("ip link add: diyc makes veth pairs and bridges, not " + type);
            }
        } else if (is(cmd, "set", 1)) {
            String dev = w.required("a device");
            if (w.done()) {
                throw new UserError("ip link set " + dev + " what? up, down, netns PID, master BR or nomaster");
            }
            while (!w.done()) {
                String what = w.next("");
                switch (what) {
                    case "up" -> nl.setUp(dev, true);
                    case "down" -> nl.setUp(dev, false);
                    case "netns" -> nl.setNetns(dev, w.pid());
                    case "master" -> nl.setMaster(dev, w.required("a bridge"));
                    case "nomaster" -> nl.setNoMaster(dev);
                    case "dev" -> { /* ip link set dev veth0 up */ }
                    default -> throw new UserError("ip link set: \"" + what + "\" is not one of up, down, netns, master, nomaster");
                }
            }
        } else if (is(cmd, "delete", 3)) {
            w.accept("dev");
            nl.delete(w.required("a device"));
        } else {
            throw new UserError("ip link " + cmd + "? Try: show, add, set, del");
        }
        w.end();
    }

    private void addr(RtNetlink nl, Words w) {
        String cmd = w.next("show");
        if (isShow(cmd)) {
            String dev = w.optionalDev();
            var links = nl.links();
            var addrs = nl.addresses();
            if (dev != null) {
                int index = nl.index(dev);
                links = links.stream().filter(l -> l.index() == index).toList();
            }
            inv.console().out(brief ? briefAddresses(links, addrs) : IpFormat.addresses(links, addrs));
        } else if (is(cmd, "add", 1) || is(cmd, "delete", 3)) {
            String cidr = w.required("an address with its prefix, such as 10.0.0.1/24");
            w.expect("dev");
            String dev = w.required("a device");
            if (is(cmd, "add", 1)) {
                nl.addAddress(dev, cidr);
            } else {
                nl.deleteAddress(dev, cidr);
            }
        } else {
            throw new UserError("ip addr " + cmd + "? Try: show, add, del");
        }
        w.end();
    }

    private void route(RtNetlink nl, Words w) {
        String cmd = w.next("show");
        if (isShow(cmd)) {
            inv.console().out(IpFormat.routes(nl.routes(), nl.links()));
        } else if (is(cmd, "add", 1) || is(cmd, "delete", 3)) {
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
            if (is(cmd, "add", 1)) {
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

    /** A link made in the host's namespace is recorded, to be undone on reset and on exit. */
    private void madeOnHost(String name, Netns where) {
        if (where == null && inv.ctx() instanceof dev.diyc.ns.HostContext) {
            inv.lab().hostChanges().linkCreated(name);
        }
    }

    private static String briefLinks(List<dev.diyc.net.Link> links) {
        StringBuilder b = new StringBuilder();
        for (var l : links) {
            b.append(String.format("%-16s %-14s %s%n", l.name(), l.operStateName(), l.mac()));
        }
        return b.toString();
    }

    private static String briefAddresses(List<dev.diyc.net.Link> links, List<dev.diyc.net.Address> addrs) {
        StringBuilder b = new StringBuilder();
        for (var l : links) {
            String a = String.join(" ", addrs.stream().filter(x -> x.index() == l.index()).map(dev.diyc.net.Address::cidr).toList());
            b.append(String.format("%-16s %-14s %s%n", l.name(), l.operStateName(), a).stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static boolean isShow(String cmd) {
        return is(cmd, "show", 1) || is(cmd, "list", 1) || cmd.equals("ls");
    }

    /** iproute2 takes any prefix of a keyword at least {@code min} letters long: l, li, link. */
    private static boolean is(String typed, String keyword, int min) {
        return typed.length() >= min && keyword.startsWith(typed);
    }

    /** The words of an ip command line, read front to back. */
    private static final class Words {
        private final List<String> words;
        private int at;

        Words(List<String> words) {
            this.words = words;
        }

        boolean done() {
            return at >= words.size();
        }

        String next(String otherwise) {
            return done() ? otherwise : words.get(at++);
        }

        String required(String what) {
            if (done()) {
                throw new UserError("ip: " + what + " is missing (ip --help shows the forms)");
            }
            return words.get(at++);
        }

        void expect(String keyword) {
            String got = required("\"" + keyword + "\"");
            if (!got.equals(keyword)) {
                throw new UserError("ip: expected \"" + keyword + "\", not \"" + got + "\"");
            }
        }

        void accept(String keyword) {
            if (!done() && words.get(at).equals(keyword)) {
                at++;
            }
        }

        /** {@code netns PID} where iproute2 allows it; null when absent. */
        Netns takeNetns() {
            if (!done() && words.get(at).equals("netns")) {
                at++;
                return Netns.pid(pid());
            }
            return null;
        }

        int pid() {
            String p = required("a PID (the container's is $CTR)");
            if (!p.matches("\\d+")) {
                throw new UserError("ip: netns takes a PID such as $CTR, not \"" + p + "\" (named namespaces are not in diyc yet)");
            }
            return Integer.parseInt(p);
        }

        /** {@code ip link show veth0}, {@code ip addr show dev veth0}: a device, or null. */
        String optionalDev() {
            accept("dev");
            return done() ? null : words.get(at++);
        }

        void end() {
            if (!done()) {
                throw new UserError("ip: unexpected \"" + words.get(at) + "\" (ip --help shows the forms)");
            }
        }
    }
}
