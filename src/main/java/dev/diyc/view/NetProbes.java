package dev.diyc.view;

import dev.diyc.net.Address;
import dev.diyc.net.IpFormat;
import dev.diyc.net.Link;
import dev.diyc.net.Ping;
import dev.diyc.net.RtNetlink;
import dev.diyc.ns.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * A context's network, read over rtnetlink from the context's own thread (so from its network
 * namespace), for lesson checks. Nothing is printed: a check observes, it does not teach.
 */
public final class NetProbes {
    private NetProbes() {}

    /** {@code NAME STATE} per link, as {@code ip -br link} (lo, DOWN; veth1, UP). */
    public static String links(Context ctx) {
        return quietly(ctx, () -> {
            try (RtNetlink nl = RtNetlink.open().recordReads(false)) {
                return nl.links().stream().map(l -> l.name() + " " + l.operStateName()).collect(Collectors.joining("\n"));
            }
        });
    }

    /** {@code NAME CIDR} per IPv4 address. */
    public static String addresses(Context ctx) {
        return quietly(ctx, () -> {
            try (RtNetlink nl = RtNetlink.open().recordReads(false)) {
                Map<Integer, String> names = nl.links().stream().collect(Collectors.toMap(Link::index, Link::name));
                List<Address> addrs = nl.addresses();
                return addrs.stream().filter(a -> a.family() == 2)
                        .map(a -> names.getOrDefault(a.index(), "?") + " " + a.cidr()).collect(Collectors.joining("\n"));
            }
        });
    }

    /** The IPv4 routes, as {@code ip route} prints them. */
    public static String routes(Context ctx) {
        return quietly(ctx, () -> {
            try (RtNetlink nl = RtNetlink.open().recordReads(false)) {
                return IpFormat.routes(nl.routes(), nl.links()).strip();
            }
        });
    }

    /** {@code reachable} when one echo to ADDRESS is answered within a second, else {@code unreachable}. */
    public static String ping(Context ctx, String address) {
        return quietly(ctx, () -> Ping.run(address, 1, 1, 1, () -> false, line -> {}).received() > 0 ? "reachable" : "unreachable");
    }

    private static String quietly(Context ctx, Callable<String> read) {
        try {
            return ctx.recorder().quietly(() -> ctx.thread().call(read));
        } catch (RuntimeException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
