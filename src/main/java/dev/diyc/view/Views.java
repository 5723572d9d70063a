package dev.diyc.view;

import dev.diyc.UserError;
import dev.diyc.commands.Invocation;
import dev.diyc.commands.NativeCommands;
import dev.diyc.ns.Context;
import dev.diyc.sys.CallLog;
import dev.diyc.sys.SyscallException;
import dev.diyc.ns.Lab;
import dev.diyc.repl.Console;
import java.util.List;

/** {@code compare VIEW}: the host's view and the container's, side by side. */
public final class Views {
    public static final List<String> NAMED = List.of("ps", "hostname", "ns", "mounts", "ls /", "ip link", "ip addr", "ip route");

    private Views() {}

    public static void compare(String what, Lab lab, Console console) {
        Context host = lab.host();
        Context ctr = lab.ctr();
        String ctrTitle = "ctr [host PID " + ctr.pid() + "]";
        switch (what.strip()) {
            case "ns" -> console.out(NsTable.render(host, ctr) + "\n");
            case "hostname" -> SideBySide.print(console, "host", List.of(host.hostname()), ctrTitle, List.of(ctr.hostname()));
            case "ps" -> {
                List<Probes.Process> h = Probes.processes(host);
                List<Probes.Process> c = Probes.processes(ctr);
                SideBySide.print(console, "host: " + count(h, "process", "processes"), psTable(h),
                        ctrTitle + ": " + count(c, "process", "processes"), psTable(c));
            }
            case "mounts" -> {
                List<Probes.Mount> h = Probes.mounts(host);
                List<Probes.Mount> c = Probes.mounts(ctr);
                SideBySide.print(console, "host: " + count(h, "mount", "mounts"), mountLines(h),
                        ctrTitle + ": " + count(c, "mount", "mounts"), mountLines(c));
            }
            default -> SideBySide.print(console, "host$ " + what, output(lab, host, what), "ctr$ " + what, output(lab, ctr, what));
        }
    }

    private static String count(List<?> items, String one, String many) {
        return items == null ? "no /proc" : items.size() + " " + (items.size() == 1 ? one : many);
    }

    private static List<String> psTable(List<Probes.Process> ps) {
        if (ps == null) {
            return List.of("no /proc is mounted in this root:", "ps has nothing to read");
        }
        List<String> rows = new java.util.ArrayList<>();
        rows.add(String.format("%5s %-8s %s", "PID", "USER", "COMMAND"));
        ps.forEach(p -> rows.add(String.format("%5d %-8s %s", p.pid(), p.user(), p.command())));
        return rows;
    }

    private static List<String> mountLines(List<Probes.Mount> mounts) {
        return mounts.stream().map(m -> m.point() + " (" + m.type() + ")").toList();
    }

    /**
     * What a command prints in a context: diyc's own command for the ones it implements (compare ip
     * link reads each side's network over rtnetlink), the context's shell for the rest. The syscalls
     * made for a view are not printed: the view is the point.
     */
    private static List<String> output(Lab lab, Context ctx, String line) {
        List<String> words = dev.diyc.repl.Words.split(line, lab.vars());
        if (words == null || words.isEmpty() || !NativeCommands.handles(words.get(0), words.subList(1, words.size()))) {
            return ctx.capture(line).lines().toList();
        }
        java.io.StringWriter text = new java.io.StringWriter();
        Console capture = new Console(new java.io.PrintWriter(text), false, () -> 200);
        try {
            CallLog.silently(() -> NativeCommands.run(words.get(0), words.subList(1, words.size()), new Invocation(ctx, lab, capture)));
        } catch (UserError | SyscallException e) {
            capture.error(e.getMessage());
        }
        return text.toString().lines().toList();
    }
}
