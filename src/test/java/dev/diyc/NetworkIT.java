package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import dev.diyc.testing.Transcript;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * diyc's own ip, over rtnetlink: a container's network made as the posts make it, compared side
 * by side, its errors explained, and the host's links as they were once the container is gone.
 * Addresses are diyc's own (10.200.x) on links in namespaces it made; nothing is sent anywhere.
 */
class NetworkIT {
    @Test
    void aVethPairIntoTheContainerWithAddressesAndARoute() {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script("""
                ctr unshare --net --pid --fork
                ctr ip link
                host ip link add diyct-h0 type veth peer name diyct-c0 netns $CTR
                host ip addr add 10.200.77.1/24 dev diyct-h0
                host ip link set diyct-h0 up
                ctr ip addr add 10.200.77.2/24 dev diyct-c0
                ctr ip link set diyct-c0 up
                ctr ip link set lo up
                ctr ip route add default via 10.200.77.1
                ctr ip -br addr
                ctr ip route
                ctr ping -c 2 -i 0.2 10.200.77.1
                host ping -c 1 10.200.77.2
                compare ip link
                host ip link set diyct-nope up
                host ip link add diyct-h0 type veth peer name diyct-x
                host ip addr add 10.200.77.9 dev diyct-h0
                host ip link set diyct-h0 netns 999999999
                """);
        assertFalse(r.output().contains("\tat "), r.output());
        Transcript t = new Transcript(r.output());
        assertEquals(1, t.output("ctr ip link").lines().filter(l -> l.matches("\\d+: .*")).count(), "only lo:\n" + t.output("ctr ip link"));
        assertTrue(t.output("ctr ip link").contains("1: lo: <LOOPBACK> mtu 65536"), t.output("ctr ip link"));
        assertTrue(t.output("host ip link add diyct-h0 type veth peer name diyct-c0 netns $CTR").matches(
                "(?s)RTM_NEWLINK\\(.*IFLA_IFNAME=\"diyct-h0\".*IFLA_INFO_KIND=\"veth\".*VETH_INFO_PEER=\\{IFLA_IFNAME=\"diyct-c0\", IFLA_NET_NS_PID=\\d+}.*\\) = 0\n"),
                t.output("host ip link add diyct-h0 type veth peer name diyct-c0 netns $CTR"));
        String brief = t.output("ctr ip -br addr");
        assertTrue(brief.lines().anyMatch(l -> l.matches("diyct-c0@if[0-9]+\\s+UP\\s+10\\.200\\.77\\.2/24.*")), brief);
        assertTrue(brief.lines().anyMatch(l -> l.matches("lo\\s+UNKNOWN\\s+127\\.0\\.0\\.1/8.*")), brief);
        assertTrue(t.output("ctr ip route").contains("default via 10.200.77.1 dev diyct-c0"), t.output("ctr ip route"));
        assertTrue(t.output("compare ip link").contains("diyct-h0@"), t.output("compare ip link"));
        assertTrue(t.output("ctr ping -c 2 -i 0.2 10.200.77.1").contains("2 packets transmitted, 2 received, 0% packet loss"),
                t.output("ctr ping -c 2 -i 0.2 10.200.77.1"));
        assertTrue(t.output("host ping -c 1 10.200.77.2").contains("64 bytes from 10.200.77.2: icmp_seq=1"), t.output("host ping -c 1 10.200.77.2"));
        assertFalse(t.output("compare ip link").contains("RTM_"), "a view prints no syscalls");
        assertTrue(t.output("host ip link set diyct-nope up").contains("= -1 ENODEV (No such device)\n  → "));
        assertTrue(t.output("host ip link add diyct-h0 type veth peer name diyct-x").contains("= -1 EEXIST (File exists)\n  → "));
        assertTrue(t.output("host ip addr add 10.200.77.9 dev diyct-h0").startsWith("diyc: "), "no prefix: one clear line");
        assertEquals(1, t.output("host ip addr add 10.200.77.9 dev diyct-h0").lines().count());
        assertTrue(t.output("host ip link set diyct-h0 netns 999999999").contains("= -1 ESRCH (No such process)\n  → "));
        assertEquals(1, r.exitCode(), "the four mistakes fail the script");
        // The container's end takes its network namespace, and with it both ends of the pair.
        HostState.assertUnchanged(before, r.output());
    }

    /** A bridge and a pair left on the host are undone by reset, by leaving diyc, and by the lifeline after kill -9. */
    @Test
    void whatDiycMadeOnTheHostIsUndone() throws Exception {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run reset = Diyc.script("""
                host ip link add diyct-br type bridge
                host ip link add diyct-a type veth peer name diyct-b
                host ip link set diyct-a master diyct-br
                host ip -br link
                reset
                host ip -br link
                """);
        Transcript t = new Transcript(reset.output());
        assertTrue(t.output("host ip -br link").contains("diyct-br"), t.output("host ip -br link"));
        assertTrue(t.output("reset").contains("RTM_DELLINK"), "reset shows what it undoes:\n" + t.output("reset"));
        assertFalse(t.output("host ip -br link", 1).contains("diyct"), t.output("host ip -br link", 1));
        HostState.assertUnchanged(before, reset.output());

        Diyc.Run quit = Diyc.script("host ip link add diyct-br type bridge\nquit\n");
        assertEquals(0, quit.exitCode(), quit.output());
        HostState.assertUnchanged(before, "leaving diyc deletes the bridge:\n" + quit.output());

        Diyc.killAfter("host ip link add diyct-br type bridge", () ->
                assertTrue(Files.exists(Path.of("/sys/class/net/diyct-br")), "the bridge was made"));
        HostState.assertUnchanged(before, "after kill -9 the lifeline deletes the bridge");
    }

    /** Post 000's way: a named netns, ip netns exec, ip_forward and the MASQUERADE rule; all undone by reset. */
    @Test
    void post000sNamedNamespaceForwardingAndNat() {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script("""
                host ip netns add diyct
                host ip netns list
                host ip link add diyct-a type veth peer name diyct-b
                host ip link set diyct-b netns diyct
                host ip addr add 10.200.99.1/24 dev diyct-a
                host ip link set diyct-a up
                host ip netns exec diyct ip addr add dev diyct-b 10.200.99.2/24
                host ip netns exec diyct ip link set dev diyct-b up
                host ip netns exec diyct ip route add default via 10.200.99.1
                host ip netns exec diyct ping -c 1 10.200.99.1
                host echo 1 > /proc/sys/net/ipv4/ip_forward
                host iptables -t nat -A POSTROUTING -s 10.200.99.0/24 -o $UPLINK -j MASQUERADE
                host iptables -t nat -S
                ctr ip netns add nope
                host ip netns add diyct
                reset
                host ip netns list
                """);
        assertFalse(r.output().contains("\tat "), r.output());
        Transcript t = new Transcript(r.output());
        assertTrue(t.output("host ip netns add diyct").contains("mount(\"/proc/thread-self/ns/net\", \"/run/netns/diyct\", NULL, MS_BIND, NULL) = 0"),
                t.output("host ip netns add diyct"));
        assertEquals("diyct\n", t.output("host ip netns list"));
        assertTrue(t.output("host ip link set diyct-b netns diyct").contains("IFLA_NET_NS_FD="), t.output("host ip link set diyct-b netns diyct"));
        assertTrue(t.output("host ip netns exec diyct ip addr add dev diyct-b 10.200.99.2/24").contains("setns("),
                t.output("host ip netns exec diyct ip addr add dev diyct-b 10.200.99.2/24"));
        assertTrue(t.output("host ip netns exec diyct ping -c 1 10.200.99.1").contains("1 received"),
                t.output("host ip netns exec diyct ping -c 1 10.200.99.1"));
        assertTrue(t.output("host iptables -t nat -S").toLowerCase().matches("(?s).*10\\.200\\.99\\.0/24.*masquerade.*"),
                t.output("host iptables -t nat -S"));
        assertTrue(t.output("ctr ip netns add nope").startsWith("diyc: ip netns add: named namespaces live in the host"), t.output("ctr ip netns add nope"));
        assertTrue(t.output("host ip netns add diyct", 1).startsWith("diyc: ip netns add: diyct exists already"), t.output("host ip netns add diyct", 1));
        String reset = t.output("reset");
        assertTrue(reset.contains("umount2(\"/run/netns/diyct\", MNT_DETACH) = 0"), reset);
        assertTrue(reset.contains("ip_forward back to 0") || reset.contains("ip_forward back to"), reset);
        assertTrue(reset.contains("NAT rule"), reset);
        assertFalse(t.output("host ip netns list", 1).lines().anyMatch("diyct"::equals), t.output("host ip netns list", 1));
        HostState.assertUnchanged(before, r.output());
    }

    /** The same changes survive nothing when diyc is killed: the lifeline undoes them. */
    @Test
    void aKilledDiycLeavesNoNetnsNatOrForwarding() {
        Root.require();
        HostState before = HostState.now();
        Diyc.killAfter("""
                host ip netns add diyct
                host ip link add diyct-br type bridge
                host echo 1 > /proc/sys/net/ipv4/ip_forward
                host iptables -t nat -A POSTROUTING -s 10.200.99.0/24 -j MASQUERADE""", () -> {
            assertTrue(Files.exists(Path.of("/run/netns/diyct")), "the netns was made");
            assertNotEquals(before, HostState.now());
        });
        HostState.assertUnchanged(before, "after kill -9 the lifeline undoes the netns, the bridge, ip_forward and the NAT rule");
    }
}
