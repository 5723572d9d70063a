package dev.diyc.commands;

import dev.diyc.ns.HostContext;
import dev.diyc.ns.NamedNetns;
import dev.diyc.term.UserError;
import java.util.List;

/**
 * {@code ip netns add|del|list|exec}: named network namespaces, kept as iproute2 keeps them in the
 * host's /run/netns, so they are made and removed from the host context only, and recorded to be
 * undone with the rest of what diyc changed on the host.
 */
final class IpNetns {
    private IpNetns() {}

    /** {@code ip netns add|del|list|exec}: named network namespaces, on the host. */
    static int run(IpWords w, Invocation inv) {
        String cmd = w.next("list");
        if (IpWords.isShow(cmd)) {
            w.end();
            NamedNetns.list().forEach(n -> inv.console().out(n + "\n"));
            return 0;
        }
        if (!(inv.ctx() instanceof HostContext)) {
            throw new UserError("ip netns " + cmd + ": named namespaces live in the host's /run/netns; run it on the host: host ip netns " + cmd + " ...");
        }
        if (IpWords.is(cmd, "add", 1)) {
            String name = w.required("a name");
            w.end();
            inv.ctx().thread().call(() -> {
                inv.lab().hostChanges().addNetns(name);
                return null;
            });
        } else if (IpWords.is(cmd, "delete", 1)) {
            String name = w.required("a name");
            w.end();
            inv.ctx().thread().call(() -> {
                inv.lab().hostChanges().deleteNetns(name);
                return null;
            });
        } else if (IpWords.is(cmd, "exec", 1)) {
            String name = w.required("a name");
            List<String> command = w.rest();
            if (command.isEmpty()) {
                throw new UserError("ip netns exec " + name + " what? A command, such as: ip netns exec " + name + " ip addr");
            }
            return NetnsExec.run(NamedNetns.path(name), command, inv);
        } else {
            throw new UserError("ip netns " + cmd + "? Try: add, del, list, exec");
        }
        return 0;
    }
}
