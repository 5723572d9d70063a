package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import dev.diyc.testing.Transcript;
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
        assertTrue(brief.lines().anyMatch(l -> l.matches("diyct-c0\\s+UP\\s+10\\.200\\.77\\.2/24.*")), brief);
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
}
