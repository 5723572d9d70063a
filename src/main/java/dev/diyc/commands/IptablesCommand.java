package dev.diyc.commands;

import dev.diyc.term.UserError;
import dev.diyc.ns.HostContext;
import dev.diyc.ns.Masquerade;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The one iptables rule the posts write, {@code iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE},
 * and the listing of it. diyc runs the machine's iptables, or nft where only nftables is installed
 * (saying so), and records the rule so that reset, exit and the lifeline take it away again.
 */
@Command(name = "iptables", mixinStandardHelpOptions = true,
        description = {"The NAT rule that lets containers reach out through the host, as iptables writes it:",
                "  iptables -t nat -A POSTROUTING [-s 10.200.8.0/24] -o $UPLINK -j MASQUERADE",
                "  iptables -t nat -D POSTROUTING ...   (the same words)",
                "  iptables -t nat -S|-L",
                "It runs the machine's iptables, or the same rule with nft where only nftables is installed.",
                "$UPLINK is the host's link with the default route. diyc sets the rule; it never sends traffic through it."})
final class IptablesCommand extends NativeCommand {
    @Option(names = "-t", paramLabel = "TABLE", defaultValue = "filter", description = "the table (diyc knows nat)") String table;
    @Option(names = {"-A", "--append"}, paramLabel = "CHAIN", description = "add a rule at the end of CHAIN") String append;
    @Option(names = {"-D", "--delete"}, paramLabel = "CHAIN", description = "delete that rule") String delete;
    @Option(names = {"-S", "--list-rules"}, description = "list the rules") boolean listRules;
    @Option(names = {"-L", "--list"}, description = "list the rules") boolean list;
    @Option(names = {"-n", "-v", "--numeric", "--verbose"}, hidden = true) boolean ignored;
    @Option(names = {"-s", "--source"}, paramLabel = "CIDR", description = "packets from this network only") String source;
    @Option(names = {"-o", "--out-interface"}, paramLabel = "LINK", description = "packets leaving through this link") String out;
    @Option(names = {"-j", "--jump"}, paramLabel = "TARGET", description = "what to do (diyc knows MASQUERADE)") String target;

    @Override
    public Integer call() {
        if (!(inv.ctx() instanceof HostContext)) {
            throw new UserError("iptables: the NAT rule belongs on the host, where packets leave: host iptables ...");
        }
        if (!table.equals("nat")) {
            throw new UserError("iptables: diyc knows the nat table's MASQUERADE rule: iptables -t nat -A POSTROUTING -o $UPLINK -j MASQUERADE");
        }
        Masquerade.Tool tool = Masquerade.tool();
        if (tool == null) {
            throw new UserError("iptables: neither iptables nor nft is installed on this machine; "
                    + "./diyc installs nftables when it starts as root with apt-get at hand, or: sudo apt-get install nftables");
        }
        if (list || listRules) {
            return inv.lab().hostChanges().nat().list(inv.ctx().thread(), tool, inv.console());
        }
        String chain = append != null ? append : delete;
        if (chain == null || append != null && delete != null) {
            throw new UserError("iptables: -A POSTROUTING to add the rule, -D POSTROUTING to delete it, -S to list");
        }
        if (!chain.equals("POSTROUTING") || !"MASQUERADE".equals(target)) {
            throw new UserError("iptables: diyc knows one rule: -A POSTROUTING [-s CIDR] [-o LINK] -j MASQUERADE");
        }
        if (tool == Masquerade.Tool.NFT) {
            inv.console().say("no iptables on this machine, but nftables: diyc writes the same rule in nft's words, in a table of its own");
        }
        var nat = inv.lab().hostChanges().nat();
        return append != null ? nat.add(inv.ctx().thread(), tool, source, out, inv.console())
                : nat.delete(inv.ctx().thread(), tool, source, out, inv.console());
    }
}
