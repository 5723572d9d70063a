package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.sys.Call;
import dev.diyc.sys.Errno;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a sent request reads in the REPL: one strace-style line, decoded from its bytes. */
class StraceFormatTest {
    private static String line(NetlinkMessage m, long result, int errno, StraceFormat.Names names) {
        return new Call(StraceFormat.typeName(m.type()), StraceFormat.args(m, names), result, errno, null).line();
    }

    private static String line(NetlinkMessage m) {
        return line(m, 0, 0, StraceFormat.Names.NONE);
    }

    @Test
    void aVethWithItsPeerInAnotherNamespace() {
        NetlinkMessage m = IpRequests.newVeth("veth0", null, "veth1", Netns.pid(4242));
        assertEquals("RTM_NEWLINK(ifi_index=0, IFLA_IFNAME=\"veth0\", IFLA_LINKINFO={IFLA_INFO_KIND=\"veth\", "
                + "IFLA_INFO_DATA={VETH_INFO_PEER={IFLA_IFNAME=\"veth1\", IFLA_NET_NS_PID=4242}}}, "
                + "NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL) = 0", line(m));
        assertEquals("RTM_NEWLINK(ifi_index=0, IFLA_IFNAME=\"veth0\", IFLA_LINKINFO={IFLA_INFO_KIND=\"veth\", "
                + "IFLA_INFO_DATA={VETH_INFO_PEER={IFLA_IFNAME=\"veth1\", IFLA_NET_NS_PID=4242}}}, "
                + "NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL) = -1 EEXIST (File exists)", line(m, -1, Errno.EEXIST, StraceFormat.Names.NONE));
    }

    @Test
    void aNamespaceFdShowsItsPathAsStraceYDoes() {
        Netns.Fd fd = Netns.Fd.borrowed(7, "/proc/self/task/42/ns/net");
        NetlinkMessage m = IpRequests.setNetns("veth1", fd);
        assertEquals("RTM_NEWLINK(ifi_index=0, IFLA_IFNAME=\"veth1\", IFLA_NET_NS_FD=7</proc/self/task/42/ns/net>, NLM_F_REQUEST|NLM_F_ACK) = 0",
                line(m, 0, 0, new StraceFormat.Names(Map.of(7, fd.path())::get, i -> null)));
    }

    @Test
    void upDownBridgeMasterAndDelete() {
        assertEquals("RTM_NEWLINK(ifi_index=0, ifi_flags=IFF_UP, ifi_change=IFF_UP, IFLA_IFNAME=\"lo\", NLM_F_REQUEST|NLM_F_ACK) = 0",
                line(IpRequests.setUp("lo", true)));
        assertEquals("RTM_NEWLINK(ifi_index=0, ifi_flags=0, ifi_change=IFF_UP, IFLA_IFNAME=\"lo\", NLM_F_REQUEST|NLM_F_ACK) = 0",
                line(IpRequests.setUp("lo", false)));
        assertEquals("RTM_NEWLINK(ifi_index=0, IFLA_IFNAME=\"br0\", IFLA_LINKINFO={IFLA_INFO_KIND=\"bridge\"}, "
                + "NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL) = 0", line(IpRequests.newBridge("br0")));
        assertEquals("RTM_NEWLINK(ifi_index=0, IFLA_IFNAME=\"veth0\", IFLA_MASTER=if_nametoindex(\"br0\"), NLM_F_REQUEST|NLM_F_ACK) = 0",
                line(IpRequests.setMaster("veth0", 4), 0, 0, new StraceFormat.Names(fd -> null, Map.of(4, "br0")::get)));
        assertEquals("RTM_DELLINK(ifi_index=0, IFLA_IFNAME=\"veth0\", NLM_F_REQUEST|NLM_F_ACK) = -1 ENODEV (No such device)",
                line(IpRequests.delLink("veth0"), -1, Errno.ENODEV, StraceFormat.Names.NONE));
    }

    @Test
    void addressesAndRoutesShowTheirAddressesAsStraceDoes() {
        assertEquals("RTM_NEWADDR(ifa_family=AF_INET, ifa_prefixlen=24, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=if_nametoindex(\"veth0\"), "
                + "IFA_LOCAL=inet_addr(\"10.200.0.1\"), IFA_ADDRESS=inet_addr(\"10.200.0.1\"), NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL) = 0",
                line(IpRequests.address(RTM_NEWADDR, 3, Cidr.parse("10.200.0.1/24")), 0, 0, new StraceFormat.Names(fd -> null, Map.of(3, "veth0")::get)));
        assertEquals("RTM_NEWROUTE(rtm_family=AF_INET, rtm_dst_len=0, rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_BOOT, "
                + "rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNICAST, RTA_GATEWAY=inet_addr(\"10.200.0.2\"), "
                + "NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL) = 0",
                line(IpRequests.route(RTM_NEWROUTE, Cidr.parseDestination("default"), IpAddresses.parse("10.200.0.2"), 0)));
        assertEquals("RTM_NEWADDR(ifa_family=AF_INET6, ifa_prefixlen=64, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=5, "
                + "IFA_LOCAL=inet_pton(AF_INET6, \"fd00::1\"), IFA_ADDRESS=inet_pton(AF_INET6, \"fd00::1\"), "
                + "NLM_F_REQUEST|NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL) = 0",
                line(IpRequests.address(RTM_NEWADDR, 5, Cidr.parse("fd00::1/64"))));
    }

    @Test
    void dumpsShowOnlyTheFamilyAndTheirCount() {
        assertEquals("RTM_GETLINK(ifi_family=AF_UNSPEC, IFLA_EXT_MASK=RTEXT_FILTER_SKIP_STATS, NLM_F_REQUEST|NLM_F_DUMP) = 3",
                line(IpRequests.linkDump(), 3, 0, StraceFormat.Names.NONE));
        assertEquals("RTM_GETROUTE(rtm_family=AF_INET, RTA_TABLE=RT_TABLE_MAIN, NLM_F_REQUEST|NLM_F_DUMP) = 2", line(IpRequests.routeDump(AF_INET), 2, 0, StraceFormat.Names.NONE));
    }

    @Test
    void unknownAttributesAndBitsStayVisible() {
        NetlinkMessage m = NetlinkMessage.request(RTM_NEWLINK, NLM_F_REQUEST | 0x1000, IfInfoMsg.of(1),
                List.of(Attribute.u32(999, 1)));
        assertEquals("RTM_NEWLINK(ifi_index=1, [999]=\"\\x01\\x00\\x00\\x00\", NLM_F_REQUEST|0x1000) = 0", line(m));
    }

    @Test
    void failuresALearnerHitsHaveALikelyCause() {
        for (int errno : new int[] {Errno.EEXIST, Errno.ENODEV, Errno.ESRCH, Errno.EINVAL, 34 /* ERANGE */}) {
            Call c = new Call("RTM_NEWLINK", List.of(), -1, errno, null);
            assertNotNull(NetlinkExplanations.of(c), "RTM_NEWLINK " + Errno.name(errno));
        }
        assertTrue(NetlinkExplanations.of(new Call("RTM_NEWLINK", List.of(), -1, Errno.ESRCH, null)).contains("PID"));
        assertTrue(NetlinkExplanations.of(new Call("RTM_NEWROUTE", List.of(), -1, 101, null)).contains("gateway"));
        assertEquals(null, NetlinkExplanations.of(new Call("mount", List.of(), -1, Errno.ENODEV, null)));
        Call withWords = new Call("RTM_NEWADDR", List.of("x"), -1, Errno.EEXIST, null);
        NetlinkExplanations.kernelSaid(withWords, "ipv4: Address already assigned");
        assertEquals("that address is already on that link (ip addr shows it) (the kernel says: \"ipv4: Address already assigned\")",
                NetlinkExplanations.of(withWords));
    }
}
