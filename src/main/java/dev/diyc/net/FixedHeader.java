package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.RTM_DELADDR;
import static dev.diyc.net.NetlinkConstants.RTM_DELLINK;
import static dev.diyc.net.NetlinkConstants.RTM_DELROUTE;
import static dev.diyc.net.NetlinkConstants.RTM_GETADDR;
import static dev.diyc.net.NetlinkConstants.RTM_GETLINK;
import static dev.diyc.net.NetlinkConstants.RTM_GETROUTE;
import static dev.diyc.net.NetlinkConstants.RTM_NEWADDR;
import static dev.diyc.net.NetlinkConstants.RTM_NEWLINK;
import static dev.diyc.net.NetlinkConstants.RTM_NEWROUTE;
import static dev.diyc.net.NetlinkConstants.RTM_SETLINK;

import java.nio.ByteBuffer;

/**
 * The family-specific struct that follows the nlmsghdr of an rtnetlink message and comes before its
 * attributes: ifinfomsg for links, ifaddrmsg for addresses, rtmsg for routes.
 */
public sealed interface FixedHeader permits IfInfoMsg, IfAddrMsg, RtMsg {
    /** Bytes on the wire, before the alignment to 4. */
    int size();

    void encode(ByteBuffer b);

    /** Which struct a message of this type carries, or null for the netlink control types. */
    static FixedHeader decode(int messageType, ByteBuffer b, int offset) {
        return switch (messageType) {
            case RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK -> IfInfoMsg.decode(b, offset);
            case RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR -> IfAddrMsg.decode(b, offset);
            case RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE -> RtMsg.decode(b, offset);
            default -> null;
        };
    }

    static int sizeFor(int messageType) {
        return switch (messageType) {
            case RTM_NEWLINK, RTM_DELLINK, RTM_GETLINK, RTM_SETLINK -> IfInfoMsg.SIZE;
            case RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR -> IfAddrMsg.SIZE;
            case RTM_NEWROUTE, RTM_DELROUTE, RTM_GETROUTE -> RtMsg.SIZE;
            default -> 0;
        };
    }
}
