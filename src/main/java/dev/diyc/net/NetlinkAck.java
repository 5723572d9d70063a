package dev.diyc.net;

import static dev.diyc.net.NetlinkConstants.NLMSGERR_ATTR_MSG;
import static dev.diyc.net.NetlinkConstants.NLMSG_HDRLEN;
import static dev.diyc.net.NetlinkConstants.NLM_F_ACK_TLVS;
import static dev.diyc.net.NetlinkConstants.NLM_F_CAPPED;

import java.nio.ByteBuffer;

/**
 * The kernel's answer to a request sent with NLM_F_ACK: an NLMSG_ERROR message whose error is 0 for
 * success or a negated errno, followed by the header of the request it answers. With NETLINK_EXT_ACK
 * the kernel may add its own words ("Nexthop has invalid gateway") as NLMSGERR_ATTR_MSG.
 *
 * @param errno 0, or the positive errno (EEXIST, ENODEV...)
 * @param requestType the message type of the request being answered
 * @param requestSeq its sequence number, so a stale answer can be told apart
 * @param kernelMessage the extended-ACK text, or null
 */
public record NetlinkAck(int errno, int requestType, int requestSeq, String kernelMessage) {

    static NetlinkAck decode(NetlinkMessage m) {
        ByteBuffer b = Attribute.order(ByteBuffer.wrap(m.payload()));
        if (b.limit() < 4 + NLMSG_HDRLEN) {
            throw new NetlinkFormatException("NLMSG_ERROR of " + b.limit() + " bytes is too short");
        }
        int error = b.getInt(0);
        int requestLen = b.getInt(4);
        int requestType = b.getShort(8) & 0xffff;
        int requestSeq = b.getInt(12);
        String text = null;
        if ((m.flags() & NLM_F_ACK_TLVS) != 0) {
            // Without NLM_F_CAPPED the kernel echoed the whole request before the TLVs.
            int tlvs = 4 + ((m.flags() & NLM_F_CAPPED) != 0 ? NLMSG_HDRLEN : Attribute.align(requestLen));
            if (tlvs <= b.limit()) {
                for (Attribute a : Attribute.parse(b, tlvs, b.limit())) {
                    if (a.type() == NLMSGERR_ATTR_MSG) {
                        text = a.string();
                    }
                }
            }
        }
        return new NetlinkAck(-error, requestType, requestSeq, text);
    }

    public boolean ok() {
        return errno == 0;
    }
}
