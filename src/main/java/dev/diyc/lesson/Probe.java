package dev.diyc.lesson;

import dev.diyc.ns.Context;
import dev.diyc.ns.Namespace;
import dev.diyc.view.NetProbes;
import dev.diyc.view.Probes;
import java.util.List;

/** Reads a check's probe (lessons/FORMAT.md) in a context: the real state, as a string. */
final class Probe {
    private Probe() {}

    static boolean known(String probe) {
        String kind = probe.contains(":") ? probe.substring(0, probe.indexOf(':')) : probe;
        return switch (kind) {
            case "hostname", "pid", "hostpid", "mounts", "mount-count", "ps", "links", "addresses", "routes", "cgroups" -> !probe.contains(":");
            case "ns", "namespaces" -> Namespace.byProcName(probe.substring(kind.length() + 1)) != null;
            case "ls", "exists", "file", "run", "status", "ping" -> probe.length() > kind.length() + 1;
            case "cgroup" -> probe.substring(kind.length() + 1).matches("[A-Za-z0-9_][A-Za-z0-9_.-]*(/[a-z_]+\\.[a-z_.]+)?");
            default -> false;
        };
    }

    /** {@code PID COMMAND} per process, as lessons/FORMAT.md promises. */
    private static String ps(Context ctx) {
        List<Probes.Process> ps = Probes.processes(ctx);
        if (ps == null) {
            return "ps: no /proc is mounted in this context's root";
        }
        return String.join("\n", ps.stream().map(p -> p.pid() + " " + p.command()).toList());
    }

    static String read(String probe, Context ctx) {
        int colon = probe.indexOf(':');
        String kind = colon < 0 ? probe : probe.substring(0, colon);
        String arg = colon < 0 ? "" : probe.substring(colon + 1);
        return switch (kind) {
            case "hostname" -> ctx.hostname();
            case "pid" -> ctx.capture("echo $$").strip();
            case "hostpid" -> Integer.toString(ctx.pid());
            case "mounts" -> String.join("\n", Probes.mounts(ctx).stream().map(Probes.Mount::point).toList());
            case "mount-count" -> Integer.toString(Probes.mounts(ctx).size());
            case "ps" -> ps(ctx);
            case "ns" -> String.valueOf(ctx.namespace(Namespace.byProcName(arg)));
            case "namespaces" -> {
                var uses = Probes.namespaceUses(ctx, Namespace.byProcName(arg));
                yield uses == null ? "no /proc" : Integer.toString(uses.size());
            }
            case "ls" -> Probes.ls(ctx, arg);
            case "exists" -> Probes.exists(ctx, arg) ? "yes" : "no";
            case "file" -> Probes.file(ctx, arg);
            case "run" -> ctx.capture(arg);
            case "links" -> NetProbes.links(ctx);
            case "addresses" -> NetProbes.addresses(ctx);
            case "routes" -> NetProbes.routes(ctx);
            case "ping" -> NetProbes.ping(ctx, arg);
            case "cgroups" -> CgroupProbes.membership(ctx);
            case "cgroup" -> CgroupProbes.cgroup(arg);
            case "status" -> Integer.toString(ctx.run(arg, new dev.diyc.term.Sink.Capture()).status());
            default -> throw new IllegalArgumentException(probe);
        };
    }
}
