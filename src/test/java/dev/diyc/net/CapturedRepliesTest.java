package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoding: answers the kernel gave iproute2 6.1 (captured with {@code strace -e read=3} in a
 * throwaway network namespace holding veth0 (02:00:00:00:00:01, mtu 1400, 10.200.0.1/24, up) and its
 * peer veth1), read back through diyc's decoder and printed the way ip printed them then.
 */
class CapturedRepliesTest {
    /** ip -4 addr show dev veth0: the kernel's RTM_NEWLINK for veth0 (ifindex 3), statistics skipped. */
    static final String VETH0_LINK = """
            68040000100000006f87046bb4350000000001000300000043100100000000000a000300766574683000000008000d00
            e80300000500100006000000050011000000000005004300000000000800040078050000080032004400000008003300
            ffff000008001b000000000008001e000000000008003d000000000008001f000200000008002800ffff000008002900
            0000010008003a000000010008003f0000000100080040000000010008003b00f8ff070008003c00ffff000008004200
            0000000008002000020000000500210001000000080023000200000008002f0001000000080030000100000006004400
            00000000060045000000000005002700000000000a00010002000000000100000a000200ffffffffffff0000cc001700
            010000000000000002000000000000005a00000000000000b00000000000000000000000000000000000000000000000
            000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
            000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
            000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
            00000000000000006400070001000000020000005a000000b00000000000000000000000000000000000000000000000
            000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
            0000000000000000000000000c002b000500020000000000100012000900010076657468000000000800050002000000
            0c0006006e6f717565756500c0011a008c00020088000100000000000000000000000000010000000100000001000000
            010000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000
            000000000000000000000000000000000000000000000000000000000000000010270000e80300000000000000000000
            00000000000000000100000030010a00080001000000008014000500ffff0000a184050060940000e8030000f4000200
            00000000400000007805000001000000010000000100000001000000ffffffffa00f0000e803000000000000803a0900
            805101000300000058020000100000000000000001000000010000000100000060ea0000000000000000000000000000
            00000000000000000000000001000000000000000000000010270000e803000001000000000000000000000001000000
            0000000000000000010000000000000000000000000000000000000080ee360000000000000000000100000000000000
            000000000000000000000000000000000004000000000000ffff0000ffffffff01000000000000000000000000000000
            1400070000000000000000000000000000000000050008000000000024000e0000000000000000000000000000000000
            0000000000000000000000000000000004003e8004004180
            """;

    /** The RTM_NEWADDR for 10.200.0.1/24, then NLMSG_DONE. */
    static final String VETH0_ADDRESS = """
            50000000140022007087046bb43500000218800003000000080001000ac80001080002000ac800010a0003007665746830000000
            080008008000000014000600ffffffffffffffffa1840500a1840500
            14000000030022007087046bb435000000000000
            """;

    /** ip route show: the default route via 10.200.0.2 and the kernel's route to 10.200.0.0/24, in one datagram. */
    static final String ROUTES = """
            34000000180022006f87046bb835000002000000fe0300010000000008000f00fe000000080005000ac80002080004000300
            00003c000000180022006f87046bb835000002180000fe02fd010000000008000f00fe000000080001000ac8000008000700
            0ac800010800040003000000
            """;

    private static NetlinkMessage one(String hex) {
        byte[] b = Hex.bytes(hex);
        List<NetlinkMessage> all = NetlinkMessage.parseAll(b, b.length);
        assertEquals(1, all.size());
        return all.get(0);
    }

    @Test
    void aLinkDecodesToWhatIpLinkShowed() {
        NetlinkMessage m = one(VETH0_LINK);
        assertEquals(RTM_NEWLINK, m.type());
        Link l = Link.from(m);
        assertEquals(3, l.index());
        assertEquals("veth0", l.name());
        assertEquals(1400, l.mtu());
        assertEquals("noqueue", l.qdisc());
        assertEquals("veth", l.kind());
        assertEquals(2, l.link(), "IFLA_LINK: the peer's ifindex");
        assertEquals(-1, l.linkNetnsId(), "the peer is in the same namespace");
        assertEquals("02:00:00:00:00:01", l.mac());
        assertEquals("UP", l.operStateName());
        assertTrue(l.isUp());
        assertEquals(0, l.master());
        Link peer = new Link(2, "veth1", ARPHRD_ETHER, IFF_UP | IFF_BROADCAST | IFF_MULTICAST | IFF_RUNNING | IFF_LOWER_UP,
                1500, 6, "noqueue", "veth", null, 0, 3, -1, null, null, 1000, 0, 0);
        assertEquals("""
                3: veth0@veth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc noqueue state UP mode DEFAULT group default qlen 1000
                    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
                """, IpFormat.link(l, List.of(peer, l)));
        // Without the peer in view (it was moved away), ip names it by index.
        assertTrue(IpFormat.link(l, List.of(l)).startsWith("3: veth0@if2: "));
    }

    @Test
    void anAddressDecodesToWhatIpAddrShowed() {
        byte[] b = Hex.bytes(VETH0_ADDRESS);
        List<NetlinkMessage> all = NetlinkMessage.parseAll(b, b.length);
        assertEquals(List.of(RTM_NEWADDR, NLMSG_DONE), all.stream().map(NetlinkMessage::type).toList());
        Address a = Address.from(all.get(0));
        assertEquals(AF_INET, a.family());
        assertEquals("10.200.0.1/24", a.cidr());
        assertEquals(3, a.index());
        assertEquals("veth0", a.label());
        assertNull(a.peer());
        assertEquals(-1, a.validLifetime());
        Link veth0 = Link.from(one(VETH0_LINK));
        assertEquals("""
                3: veth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc noqueue state UP group default qlen 1000
                    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff
                    inet 10.200.0.1/24 scope global veth0
                       valid_lft forever preferred_lft forever
                """, IpFormat.addresses(List.of(veth0), List.of(a)));
    }

    @Test
    void routesDecodeToWhatIpRouteShowed() {
        byte[] b = Hex.bytes(ROUTES);
        List<NetlinkMessage> all = NetlinkMessage.parseAll(b, b.length);
        assertEquals(2, all.size());
        List<Route> routes = all.stream().map(Route::from).toList();
        assertTrue(routes.get(0).isDefault());
        assertEquals(RT_TABLE_MAIN, routes.get(0).table());
        assertEquals(3, routes.get(0).oif());
        Link veth0 = Link.from(one(VETH0_LINK));
        assertEquals("""
                default via 10.200.0.2 dev veth0
                10.200.0.0/24 dev veth0 proto kernel scope link src 10.200.0.1
                """, IpFormat.routes(routes, List.of(veth0)));
    }

    @Test
    void anErrorWithTheKernelsOwnWordsDecodes() {
        // ip addr add 10.200.0.1/24 dev veth0, a second time: EEXIST, the request echoed whole, then the text.
        NetlinkAck ack = one("""
                60000000 0200 0002 6a87046b 78350000   # NLMSG_ERROR, NLM_F_ACK_TLVS
                efffffff                               # error -17: EEXIST
                28000000 1400 0506 6a87046b 00000000   # the request's header...
                02180000 03000000 08000200 0ac80001 08000100 0ac80001  # ...and, not capped, its payload
                2300 0100 697076343a20416464726573732061 6c726561647920617373 69676e6564 00 00  # NLMSGERR_ATTR_MSG
                """).ack();
        assertEquals(17, ack.errno());
        assertEquals(RTM_NEWADDR, ack.requestType());
        assertEquals(0x6b04876a, ack.requestSeq());
        assertEquals("ipv4: Address already assigned", ack.kernelMessage());
    }

    @Test
    void anErrorWithoutWordsAndASuccessDecode() {
        // ip link set nosuch up (ip 6.1 sends ifi_index 0 and no name here): ENODEV, no extended ACK.
        NetlinkAck enodev = one("""
                34000000 0200 0000 00000000 7e350000
                edffffff
                20000000 1000 0500 00000000 00000000 00000000 00000000 00000000 00000000
                """).ack();
        assertEquals(19, enodev.errno());
        assertNull(enodev.kernelMessage());
        NetlinkAck ok = one("""
                24000000 0200 0001 05000000 7e350000   # NLM_F_CAPPED: only the request's header comes back
                00000000
                20000000 1000 0500 05000000 00000000
                """).ack();
        assertTrue(ok.ok());
        assertEquals(5, ok.requestSeq());
    }
}
