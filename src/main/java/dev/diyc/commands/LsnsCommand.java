package dev.diyc.commands;

import dev.diyc.term.UserError;
import dev.diyc.ns.Namespace;
import dev.diyc.view.Probes;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lsns", mixinStandardHelpOptions = true,
        description = {"The namespaces on the machine, as util-linux's lsns lists them, read by diyc from /proc: "
                + "one row per namespace, with how many processes are in it and the first of them.",
                "In the container it reads the container's own /proc, if it has one."})
final class LsnsCommand extends NativeCommand {
    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "only this type: cgroup ipc mnt net pid time user uts")
    String type;

    @Override
    public Integer call() {
        Namespace only = null;
        if (type != null) {
            only = Namespace.byProcName(type);
            if (only == null || only == Namespace.PID_FOR_CHILDREN || only == Namespace.TIME_FOR_CHILDREN) {
                throw new UserError("lsns: unknown type '" + type + "' (cgroup ipc mnt net pid time user uts)");
            }
        }
        List<Probes.NamespaceUse> uses = Probes.namespaceUses(inv.ctx(), only);
        if (uses == null) {
            throw new UserError("lsns: no /proc is mounted in this context's root, so there is nothing to list");
        }
        StringBuilder b = new StringBuilder(String.format("%10s %-6s %6s %7s %-8s %s%n", "NS", "TYPE", "NPROCS", "PID", "USER", "COMMAND"));
        for (Probes.NamespaceUse u : uses) {
            b.append(String.format("%10d %-6s %6d %7d %-8s %s%n", u.inode(), u.type().procName(), u.processes(), u.pid(), u.user(),
                    u.command()));
        }
        inv.console().out(b.toString());
        return 0;
    }
}
