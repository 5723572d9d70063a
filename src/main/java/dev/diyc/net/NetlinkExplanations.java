package dev.diyc.net;

import dev.diyc.sys.Call;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The likely cause of a failed rtnetlink request, in one line a learner can act on, like
 * sys.Explanations for syscalls. When the kernel explained the failure itself (an extended ACK,
 * "Nexthop has invalid gateway"), its words are added.
 */
public final class NetlinkExplanations {
    static final int EPERM = 1, ESRCH = 3, EBADF = 9, EEXIST = 17, ENODEV = 19, EINVAL = 22, ERANGE = 34,
            EOPNOTSUPP = 95, EADDRNOTAVAIL = 99, ENETDOWN = 100, ENETUNREACH = 101, EAGAIN = 11;

    /**
     * The kernel's extended-ACK text of recent failures, keyed by their call. A Call has no field for
     * it; a small side table keeps this package from changing sys.Call.
     */
    private static final Map<Call, String> KERNEL_SAYS = Collections.synchronizedMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Call, String> eldest) {
            return size() > 32;
        }
    });

    private NetlinkExplanations() {}

    static void kernelSaid(Call call, String text) {
        if (text != null && !text.isBlank()) {
            KERNEL_SAYS.put(call, text);
        }
    }

    /** The kernel's own message on this failure (extended ACK), or null. */
    public static String kernelMessage(Call call) {
        return KERNEL_SAYS.get(call);
    }

    /** One line on what usually causes this failure, or null when the call is not an rtnetlink one. */
    public static String of(Call c) {
        String ours = likelyCause(c);
        String kernel = kernelMessage(c);
        if (kernel == null) {
            return ours;
        }
        String said = "the kernel says: \"" + kernel.strip() + "\"";
        return ours == null ? said : ours + " (" + said + ")";
    }

    private static String likelyCause(Call c) {
        int e = c.errno();
        String name = c.name();
        if (!name.startsWith("RTM_") && !name.equals("socket") && !name.equals("bind") && !name.equals("recv")
                && !name.equals("sendto")) {
            return null;
        }
        if (e == EPERM) {
            return "changing a network namespace needs CAP_NET_ADMIN in it (root): start diyc with sudo";
        }
        return switch (name) {
            case "RTM_NEWLINK", "RTM_SETLINK" -> switch (e) {
                case EEXIST -> "a link by that name already exists there (ip link lists them; a link moved to another "
                        + "namespace needs its name free in that one): pick another name, or ip link del the old one";
                case ENODEV -> "no link by that name in this namespace (ip link lists them; a link moved with netns is "
                        + "in the other namespace now)";
                case ESRCH -> "no process has that PID: netns PID names the network namespace of a running process "
                        + "(the container's is $CTR)";
                case EINVAL, ERANGE -> "an interface name is 1 to 15 characters, with no '/', ':' or spaces (and not "
                        + "\".\" or \"..\"); otherwise the kernel rejected an attribute of this request";
                case EOPNOTSUPP -> "that link cannot be a master: only a bridge takes ports (ip link add br0 type bridge)";
                case EBADF -> "the namespace fd is not open";
                default -> null;
            };
            case "RTM_DELLINK" -> switch (e) {
                case ENODEV -> "no link by that name in this namespace (ip link lists them)";
                case EOPNOTSUPP -> "this kind of link cannot be deleted (lo, or a physical device)";
                default -> null;
            };
            case "RTM_GETLINK" -> e == ENODEV ? "no link by that name in this namespace (ip link lists them)" : null;
            case "RTM_NEWADDR" -> switch (e) {
                case EEXIST -> "that address is already on that link (ip addr shows it)";
                case ENODEV -> "no link by that name in this namespace (ip link lists them)";
                case EINVAL -> "the kernel rejected the address or its prefix length";
                default -> null;
            };
            case "RTM_DELADDR" -> e == EADDRNOTAVAIL ? "that address is not on that link (ip addr shows which are)" : null;
            case "RTM_NEWROUTE" -> switch (e) {
                case EEXIST -> "a route to that destination already exists (ip route shows it; there is one default route)";
                case ENETUNREACH -> "the gateway is on no network this namespace reaches: give a link an address in the "
                        + "gateway's network and bring it up first (ip addr add ..., ip link set ... up)";
                case ENODEV -> "no link by that name in this namespace (ip link lists them)";
                case ENETDOWN -> "the route's device is down: bring it up first (ip link set DEV up)";
                case EINVAL -> "the destination has host bits set (write 10.0.0.0/24, not 10.0.0.1/24), or the route is incomplete";
                default -> null;
            };
            case "RTM_DELROUTE" -> e == ESRCH ? "there is no such route (ip route shows them)" : null;
            case "recv" -> e == EAGAIN ? "the kernel did not answer within 5 seconds" : null;
            default -> null;
        };
    }
}
