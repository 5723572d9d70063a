package dev.diyc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ip -br link} names a veth end with its peer, as iproute2 does (lesson 7 shows both forms). */
class LinkNameTest {
    private static Link link(int index, String name, int peer, int peerNetnsId) {
        return new Link(index, name, 1, 0, 1500, 2, null, peer == 0 ? null : "veth", null, 0, peer, peerNetnsId, null, null, -1, -1, -1);
    }

    @Test
    void aPeerInThisNamespaceIsNamedAndOneElsewhereIsAnIndex() {
        Link host = link(5, "diyc-h7", 6, -1), ctr = link(6, "diyc-c7", 5, -1), lo = link(1, "lo", 0, -1);
        Map<Integer, Link> here = Map.of(1, lo, 5, host, 6, ctr);
        assertEquals("diyc-h7@diyc-c7", IpFormat.nameAndPeer(host, here));
        assertEquals("diyc-c7@diyc-h7", IpFormat.nameAndPeer(ctr, here));
        assertEquals("lo", IpFormat.nameAndPeer(lo, here));
        Link moved = link(5, "diyc-h7", 2, 0); // the peer went into the container: index 2 there
        assertEquals("diyc-h7@if2", IpFormat.nameAndPeer(moved, Map.of(5, moved, 2, link(2, "eth0", 0, -1))));
    }
}
