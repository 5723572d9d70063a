package dev.diyc.view;

import dev.diyc.ns.Context;
import dev.diyc.ns.Lab;
import dev.diyc.repl.Console;
import java.util.List;

/** {@code compare VIEW}: the host's view and the container's, side by side. */
public final class Views {
    public static final List<String> NAMED = List.of("ps", "hostname", "ns", "mounts", "ls /");

    private Views() {}

    public static void compare(String what, Lab lab, Console console) {
        Context host = lab.host();
        Context ctr = lab.ctr();
        String ctrTitle = "ctr [host PID " + ctr.pid() + "]";
        switch (what.strip()) {
            case "ns" -> console.out(NsTable.render(host, ctr) + "\n");
            case "hostname" -> SideBySide.print(console, "host", List.of(host.hostname()), ctrTitle, List.of(ctr.hostname()));
            case "ps" -> {
                List<String> h = Probes.ps(host);
                List<String> c = Probes.ps(ctr);
                SideBySide.print(console, "host: ps (" + (h.size() - 1) + " processes)", h,
                        ctrTitle + ": ps (" + Math.max(0, c.size() - 1) + ")", c);
            }
            case "mounts" -> {
                List<String> h = Probes.mounts(host);
                List<String> c = Probes.mounts(ctr);
                SideBySide.print(console, "host: " + h.size() + " mounts", h, ctrTitle + ": " + c.size() + " mounts", c);
            }
            default -> SideBySide.print(console, "host$ " + what, lines(host.capture(what)),
                    "ctr$ " + what, lines(ctr.capture(what)));
        }
    }

    private static List<String> lines(String s) {
        return s.lines().toList();
    }
}
