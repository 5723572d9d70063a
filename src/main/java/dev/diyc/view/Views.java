package dev.diyc.view;

import dev.diyc.ns.Context;
import dev.diyc.term.Console;
import java.util.ArrayList;
import java.util.List;

/** {@code compare VIEW}: the host's view and the container's, side by side. */
public final class Views {
    public static final List<String> NAMED = List.of("ps", "hostname", "ns", "mounts", "ls /", "ip link", "ip addr", "ip route");

    private Views() {}

    /**
     * What any other command prints in a context. The layer that knows the commands supplies it: diyc's
     * own for the ones it implements (compare ip link reads each side's network over rtnetlink), the
     * context's shell for the rest.
     */
    @FunctionalInterface
    public interface Output {
        List<String> of(Context ctx, String line);
    }

    /** Two contexts side by side: the host and a container, or two containers. */
    public static void compare(String what, Context left, Context right, Console console, Output output) {
        String leftTitle = title(left);
        String rightTitle = title(right);
        switch (what.strip()) {
            case "ns" -> console.out(NsTable.render(left, right) + "\n");
            case "hostname" -> SideBySide.print(console, leftTitle, List.of(left.hostname()), rightTitle, List.of(right.hostname()));
            case "ps" -> {
                List<Probes.Process> l = Probes.processes(left);
                List<Probes.Process> r = Probes.processes(right);
                SideBySide.print(console, leftTitle + ": " + count(l, "process", "processes"), psTable(l),
                        rightTitle + ": " + count(r, "process", "processes"), psTable(r));
            }
            case "mounts" -> {
                List<Probes.Mount> l = Probes.mounts(left);
                List<Probes.Mount> r = Probes.mounts(right);
                SideBySide.print(console, leftTitle + ": " + count(l, "mount", "mounts"), mountLines(l),
                        rightTitle + ": " + count(r, "mount", "mounts"), mountLines(r));
            }
            default -> SideBySide.print(console, left.name() + "$ " + what, output.of(left, what),
                    right.name() + "$ " + what, output.of(right, what));
        }
    }

    /** "host", or "ctr [host PID 4242]". */
    private static String title(Context c) {
        return c.name().equals("host") ? "host" : c.name() + " [host PID " + c.pid() + "]";
    }

    private static String count(List<?> items, String one, String many) {
        return items == null ? "no /proc" : items.size() + " " + (items.size() == 1 ? one : many);
    }

    private static List<String> psTable(List<Probes.Process> ps) {
        if (ps == null) {
            return List.of("no /proc is mounted in this root:", "ps has nothing to read");
        }
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%5s %-8s %s", "PID", "USER", "COMMAND"));
        ps.forEach(p -> rows.add(String.format("%5d %-8s %s", p.pid(), p.user(), p.command())));
        return rows;
    }

    private static List<String> mountLines(List<Probes.Mount> mounts) {
        return mounts.stream().map(m -> m.point() + " (" + m.type() + ")").toList();
    }
}
