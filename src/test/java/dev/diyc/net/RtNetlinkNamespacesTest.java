package dev.diyc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.diyc.rootfs.BusyboxFixture;
import dev.diyc.sys.Call;
import dev.diyc.sys.Recorder;
import dev.diyc.rootfs.BusyboxFixture;
import dev.diyc.testing.HostNetwork;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Json;
import dev.diyc.testing.Root;
import dev.diyc.testing.ThreadNetns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * diyc's rtnetlink against the kernel and against iproute2, in network namespaces the test makes
 * (thread-private ones, and one held by a child process) and that die with it. Nothing here touches
 * the host's network: every link is created inside those namespaces, every address is a 10.200.x.y
 * on them, and the only traffic is a ping between two of them.
 */
class RtNetlinkNamespacesTest {
    private HostNetwork hostNetwork;
    private HostState host;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    /** The test's session: every namespace thread below records into it. */
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void before() {
        Root.require();
        hostNetwork = HostNetwork.now();
        host = HostState.now();
        recorder.listen(calls::add);
    }

    @AfterEach
    void after() {
        hostNetwork.assertUnchanged();
        HostState.assertUnchanged(host, "after " + getClass().getSimpleName());
    }

    @Test
    void aFreshNetworkNamespaceHasOnlyLoopbackDown() {
        try (ThreadNetns ns = ThreadNetns.create("net-fresh", recorder)) {
            List<Link> links = ns.call(RtNetlink::links);
            assertEquals(1, links.size(), links.toString());
            Link lo = links.get(0);
            assertEquals("lo", lo.name());
            assertFalse(lo.isUp());
            assertEquals("DOWN", lo.operStateName());
            assertTrue(ns.call(RtNetlink::routes).isEmpty());
            assertEquals(ns.ip("link").strip(), IpFormat.links(links).strip());
            assertTrue(calls.stream().anyMatch(c -> c.line().equals("RTM_GETLINK(ifi_family=AF_UNSPEC, IFLA_EXT_MASK=RTEXT_FILTER_SKIP_STATS, "
                    + "NLM_F_REQUEST|NLM_F_DUMP) = 1")), calls.toString());
        }
    }

    /**
     * Lesson 8's shape, between two thread-private namespaces: in "host", a bridge with an address
     * and one end of a veth as its port; the other end created straight into "ctr" (IFLA_NET_NS_FD on
     * the other thread's /proc/self/task/TID/ns/net, since a thread-private namespace has no PID of
     * its own), with an address, up, lo up, and a default route via the bridge.
     */
    @Test
    void vethBridgeAddressesAndRouteAgreeWithIproute2() throws Exception {
        try (ThreadNetns hostSide = ThreadNetns.create("net-host", recorder); ThreadNetns ctr = ThreadNetns.create("net-ctr", recorder)) {
            try (Netns.Fd ctrFd = ctr.openFd()) {
                hostSide.run(n -> {
                    n.addBridge("br0");
                    n.addVeth("veth0", "veth1", ctrFd);
                    n.setMaster("veth0", "br0");
                    n.addAddress("br0", "10.200.0.1/24");
                    n.setUp("br0", true);
                    n.setUp("veth0", true);
                    n.setUp("lo", true);
                });
            }
            ctr.run(n -> {
                n.addAddress("veth1", "10.200.0.2/24");
                n.setUp("veth1", true);
                n.setUp("lo", true);
                n.addDefaultRoute("10.200.0.1");
            });
            String veth = calls.stream().map(Call::line).filter(l -> l.startsWith("RTM_NEWLINK(ifi_index=0, IFLA_IFNAME=\"veth0\", IFLA_LINKINFO"))
                    .findFirst().orElseThrow();
            assertTrue(veth.matches(".*VETH_INFO_PEER=\\{IFLA_IFNAME=\"veth1\", IFLA_NET_NS_FD=\\d+</proc/self/task/" + ctr.tid()
                    + "/ns/net>}}}, NLM_F_REQUEST\\|NLM_F_ACK\\|NLM_F_CREATE\\|NLM_F_EXCL\\) = 0"), veth);
            assertTrue(calls.stream().anyMatch(c -> c.line().startsWith("RTM_GETLINK(ifi_index=0, IFLA_IFNAME=\"br0\"")
                    && c.note() != null), "the lookup of br0's index is shown, with why: " + calls);

            awaitUp(hostSide, "br0", "veth0", "lo");
            awaitUp(ctr, "veth1", "lo");

            List<Link> hostLinks = hostSide.call(RtNetlink::links);
            Link veth0 = byName(hostLinks, "veth0");
            Link br0 = byName(hostLinks, "br0");
            assertEquals("veth", veth0.kind());
            assertEquals("bridge", br0.kind());
            assertEquals(br0.index(), veth0.master());
            assertEquals("bridge", veth0.slaveKind());
            assertTrue(veth0.peerElsewhere(), "veth1 is in the other namespace");
            List<Link> ctrLinks = ctr.call(RtNetlink::links);
            Link veth1 = byName(ctrLinks, "veth1");
            assertEquals(veth1.index(), veth0.link(), "veth0's IFLA_LINK is veth1's index over there");
            assertEquals(veth0.index(), veth1.link());
            assertEquals(List.of("lo", "veth1"), ctrLinks.stream().map(Link::name).toList());

            for (ThreadNetns ns : List.of(hostSide, ctr)) {
                List<Link> links = ns.call(RtNetlink::links);
                List<Address> addresses = ns.call(RtNetlink::addresses);
                List<Route> routes = ns.call(RtNetlink::routes);
                agreeOnLinks(links, Json.objects(ns.ip("-d", "-j", "link", "show")));
                agreeOnAddresses(links, addresses, Json.objects(ns.ip("-j", "addr", "show")));
                agreeOnRoutes(links, routes, Json.objects(ns.ip("-j", "route", "show")));
                // And the text a learner reads, as ip prints it (ip leaves spaces at some line ends).
                assertEquals(trimLines(ns.ip("link")), IpFormat.links(links));
                assertEquals(trimLines(ns.ip("route")), IpFormat.routes(routes, links));
                assertEquals(withoutInet6(trimLines(ns.ip("addr"))), withoutInet6(IpFormat.addresses(links, addresses)));
            }
            List<Route> ctrRoutes = ctr.call(RtNetlink::routes);
            assertEquals("default via 10.200.0.1 dev veth1\n10.200.0.0/24 dev veth1 proto kernel scope link src 10.200.0.2\n",
                    IpFormat.routes(ctrRoutes, ctrLinks));

            pingBothWays(hostSide, ctr);
            System.out.println("what the learner would have seen:");
            calls.forEach(c -> System.out.println("  " + c.line() + (c.note() == null ? "" : "\n      # " + c.note())));
        }
    }

    /**
     * IFLA_NET_NS_PID, as post 004 does with {@code netns PID}: a real process in a namespace of its
     * own ({@code unshare --net sleep}), a veth's peer created straight into it, another veth's first
     * end created there, and a third moved there with {@code ip link set DEV netns PID}. Killing the process ends its namespace and the veths.
     */
    @Test
    void linksGoIntoAProcesssNamespaceByPid() throws Exception {
        Process child = new ProcessBuilder("unshare", "--net", "sleep", "30").redirectErrorStream(true).start();
        try (ThreadNetns ns = ThreadNetns.create("net-pid", recorder)) {
            int pid = (int) child.pid();
            awaitOwnNetns(pid);
            ns.run(n -> {
                n.addVeth("vp0", "vp1", Netns.pid(pid));
                n.addVeth("vq0", "vq1");
                n.setNetns("vq1", pid);
                n.addVeth("vr0", Netns.pid(pid), "vr1", null); // ip link add vr0 netns PID type veth peer name vr1
            });
            assertTrue(calls.stream().anyMatch(c -> c.line().equals("RTM_NEWLINK(ifi_index=0, IFLA_IFNAME=\"vq1\", IFLA_NET_NS_PID=" + pid
                    + ", NLM_F_REQUEST|NLM_F_ACK) = 0")), calls.toString());
            List<String> mine = ns.call(RtNetlink::links).stream().map(Link::name).toList();
            assertEquals(List.of("lo", "vp0", "vq0", "vr1"), mine.stream().sorted().toList());
            String theirs = ThreadNetns.run(List.of("nsenter", "--net=/proc/" + pid + "/ns/net", "ip", "-j", "link", "show"));
            List<String> names = Json.objects(theirs).stream().map(o -> (String) o.get("ifname")).sorted().toList();
            assertEquals(List.of("lo", "vp1", "vq1", "vr0"), names);
            // Each end sees its peer in another namespace.
            for (Link l : ns.call(RtNetlink::links)) {
                if (!l.name().equals("lo")) {
                    assertTrue(l.peerElsewhere(), l.name());
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the unshare child ends");
        }
    }

    // ---- agreement with iproute2 -------------------------------------------------------------

    private static void agreeOnLinks(List<Link> mine, List<Map<String, Object>> ip) {
        Map<String, Link> byName = mine.stream().collect(Collectors.toMap(Link::name, l -> l));
        assertEquals(byName.keySet(), ip.stream().map(o -> (String) o.get("ifname")).collect(Collectors.toSet()));
        for (Map<String, Object> o : ip) {
            Link l = byName.get((String) o.get("ifname"));
            String what = "link " + l.name();
            assertEquals(((Long) o.get("ifindex")).intValue(), l.index(), what);
            assertEquals(o.get("operstate"), l.operStateName(), what);
            assertEquals(((Long) o.get("mtu")).intValue(), l.mtu(), what);
            assertEquals(o.get("qdisc"), l.qdisc(), what);
            assertEquals(o.get("address"), l.mac(), what);
            assertEquals(o.get("master"), l.master() == 0 ? null : byIndex(mine, l.master()).name(), what);
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) o.get("linkinfo");
            assertEquals(info == null ? null : info.get("info_kind"), l.kind(), what);
            assertEquals(info == null ? null : info.get("info_slave_kind"), l.slaveKind(), what);
            // The namespace: ip shows the peer by name when it is here, by index and netnsid when not.
            Object netnsid = o.get("link_netnsid");
            assertEquals(netnsid == null ? -1 : ((Long) netnsid).intValue(), l.linkNetnsId(), what);
            if (netnsid != null) {
                assertEquals(((Long) o.get("link_index")).intValue(), l.link(), what);
            } else if (o.get("link") != null) {
                assertEquals(o.get("link"), byIndex(mine, l.link()).name(), what);
            }
            @SuppressWarnings("unchecked")
            List<String> flags = (List<String>) o.get("flags");
            List<String> ourFlags = List.of(IpFormat.flags(l.flags(), false).split(",")).stream().filter(f -> !f.isEmpty()).toList();
            assertEquals(flags.stream().filter(f -> !f.equals("M-DOWN")).toList(), ourFlags, what);
        }
    }

    private static void agreeOnAddresses(List<Link> links, List<Address> mine, List<Map<String, Object>> ip) {
        List<String> theirs = new ArrayList<>();
        for (Map<String, Object> o : ip) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> infos = (List<Map<String, Object>>) o.get("addr_info");
            for (Map<String, Object> a : infos) {
                if ("inet".equals(a.get("family"))) {
                    theirs.add(o.get("ifname") + " " + a.get("local") + "/" + a.get("prefixlen") + " scope " + a.get("scope")
                            + " label " + a.get("label"));
                }
            }
        }
        List<String> ours = mine.stream().filter(a -> a.family() == NetlinkConstants.AF_INET)
                .map(a -> byIndex(links, a.index()).name() + " " + a.cidr() + " scope " + IpFormat.scope(a.scope()) + " label " + a.label())
                .toList();
        assertEquals(theirs.stream().sorted().toList(), ours.stream().sorted().toList());
        assertFalse(ours.isEmpty());
    }

    private static void agreeOnRoutes(List<Link> links, List<Route> mine, List<Map<String, Object>> ip) {
        List<String> theirs = ip.stream().map(o -> o.get("dst") + " via " + o.get("gateway") + " dev " + o.get("dev")
                + " proto " + o.getOrDefault("protocol", "boot") + " scope " + o.getOrDefault("scope", "global")
                + " src " + o.get("prefsrc")).sorted().toList();
        List<String> ours = mine.stream().map(r -> r.destination() + " via " + (r.gateway() == null ? null : IpAddresses.format(r.gateway()))
                + " dev " + byIndex(links, r.oif()).name() + " proto " + IpFormat.protocol(r.protocol()) + " scope " + IpFormat.scope(r.scope())
                + " src " + (r.prefsrc() == null ? null : IpAddresses.format(r.prefsrc()))).sorted().toList();
        assertEquals(theirs, ours);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Carrier and operstate follow a link's flags a moment later (the kernel's linkwatch). */
    private static void awaitUp(ThreadNetns ns, String... names) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            List<Link> links = ns.call(n -> n.recordReads(false).links());
            ns.call(n -> n.recordReads(true));
            boolean all = true;
            for (String name : names) {
                Link l = byName(links, name);
                all &= l.name().equals("lo") ? l.isUp() : l.operStateName().equals("UP");
            }
            if (all) {
                return;
            }
            Thread.sleep(50);
        }
        fail("links did not come up: " + List.of(names) + " in " + ns.call(RtNetlink::links));
    }

    private static void awaitOwnNetns(int pid) throws IOException, InterruptedException {
        Path mine = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
        for (int i = 0; i < 100; i++) {
            try {
                if (!Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/net")).equals(mine)) {
                    return;
                }
            } catch (IOException e) {
                // not there yet
            }
            Thread.sleep(20);
        }
        fail("unshare --net did not get its own network namespace");
    }

    /** ping in both directions, inside the test's own namespaces only, with the busybox test fixture. */
    private static void pingBothWays(ThreadNetns hostSide, ThreadNetns ctr) throws IOException {
        // The fixture fetches busybox-static when the host has none, or fails saying how to get one.
        Path busybox = BusyboxFixture.staticBusybox();
        String out = ctr.exec(busybox.toString(), "ping", "-c1", "-W2", "10.200.0.1");
        assertTrue(out.contains("1 packets received"), out);
        String back = hostSide.exec(busybox.toString(), "ping", "-c1", "-W2", "10.200.0.2");
        assertTrue(back.contains("1 packets received"), back);
        System.out.println("ping between the test's namespaces:\n" + out + back);
    }

    static Link byName(List<Link> links, String name) {
        return links.stream().filter(l -> name.equals(l.name())).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + links));
    }

    static Link byIndex(List<Link> links, int index) {
        return links.stream().filter(l -> l.index() == index).findFirst().orElseThrow(() -> new AssertionError("no link " + index));
    }

    private static String trimLines(String text) {
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
    }

    /** IPv6 link-local addresses come and go through duplicate address detection: leave them out of text comparisons. */
    private static String withoutInet6(String text) {
        List<String> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("    inet6 ")) {
                i++; // and its valid_lft line
                continue;
            }
            out.add(lines.get(i));
        }
        assertNotEquals(0, out.size());
        return String.join("\n", out);
    }
}
