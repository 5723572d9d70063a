package dev.diyc.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A long syscall line on a terminal: cut at argument boundaries, indented, never inside a token or a string. */
class CallLinesTest {
    private static final String SENDMSG = "sendmsg(5, {msg_name={sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, msg_namelen=12,"
            + " msg_iov=[{iov_base=[{nlmsg_len=52, nlmsg_type=RTM_NEWLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE,"
            + " nlmsg_seq=1, nlmsg_pid=0}, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, ifi_index=0, ifi_flags=0, ifi_change=0},"
            + " [{nla_len=13, nla_type=IFLA_IFNAME}, \"diyc-br8, x\"]]}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = -1 EEXIST (File exists)";

    @Test
    void aLongLineIsCutAfterCommasWithTheRestIndented() {
        for (int width : new int[] {59, 79, 119}) {
            List<String> lines = CallLines.wrap(SENDMSG, width);
            assertTrue(lines.size() > 1, "wrapped at " + width);
            for (String line : lines) {
                assertTrue(line.length() <= width, width + ": " + line);
            }
            lines.subList(1, lines.size()).forEach(l -> assertTrue(l.startsWith("    ") && !l.startsWith("     "), l));
            assertEquals(SENDMSG.replace(" ", ""), String.join("", lines).replace(" ", ""), "nothing lost at " + width);
            assertTrue(lines.stream().noneMatch(l -> l.endsWith("\"diyc-br8,")), "never inside a quoted string");
            for (int i = 0; i + 1 < lines.size(); i++) {
                assertTrue(lines.get(i).matches(".*[,|]$") || lines.get(i + 1).strip().startsWith("= "),
                        "cut at a boundary only: " + lines.get(i) + " / " + lines.get(i + 1));
            }
            assertTrue(lines.get(lines.size() - 1).endsWith("= -1 EEXIST (File exists)"), "the result stays whole");
        }
    }

    @Test
    void aShortLineIsLeftAlone() {
        assertEquals(List.of("sethostname(\"diyc-child\", 10) = 0"), CallLines.wrap("sethostname(\"diyc-child\", 10) = 0", 59));
    }
}
