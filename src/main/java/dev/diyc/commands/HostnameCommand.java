package dev.diyc.commands;

import dev.diyc.ns.Namespace;
import dev.diyc.sys.Syscalls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "hostname", mixinStandardHelpOptions = true,
        description = "Show the context's hostname, or set the container's with sethostname(2).")
final class HostnameCommand extends NativeCommand {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "the new hostname (container only)")
    String name;

    @Override
    public Integer call() {
        if (name == null) {
            inv.console().out(inv.ctx().hostname() + "\n");
            return 0;
        }
        var ctr = inv.container("hostname NAME", "would rename the machine");
        ctr.requireOwn(Namespace.UTS, "renaming it", "unshare --uts");
        ctr.thread().call(() -> {
            Syscalls.sethostname(name);
            return null;
        });
        return 0;
    }
}
