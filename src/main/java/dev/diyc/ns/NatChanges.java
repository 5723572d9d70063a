package dev.diyc.ns;

import dev.diyc.term.ShellQuote;
import dev.diyc.term.Sink;
import dev.diyc.term.UserError;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The NAT rules diyc added on the host ({@code iptables -t nat -A POSTROUTING ... -j MASQUERADE},
 * or nft's words for it where there is no iptables), each with the command that removes it, which
 * the lifeline also knows so it can remove the rule after a kill -9.
 */
public final class NatChanges {
    /** MASQUERADE rules added with host iptables: the argv that added each, and the argv that removes it. */
    private final Map<List<String>, List<String>> nat = new LinkedHashMap<>();
    private final Lifeline lifeline;

    NatChanges(Lifeline lifeline) {
        this.lifeline = lifeline;
    }

    /** {@code iptables -t nat -A POSTROUTING ... -j MASQUERADE}, run with the machine's tool and recorded. */
    public synchronized int add(NsThread hostThread, Masquerade.Tool tool, String source, String out, Sink to) {
        Masquerade.requireSafe("network", source);
        Masquerade.requireSafe("link name", out);
        List<String> add = Masquerade.add(tool, source, out);
        List<String> undo = Masquerade.remove(tool, source, out);
        if (nat.containsKey(add)) {
            throw new UserError("iptables: diyc has already added that rule (iptables -t nat -S lists it)");
        }
        int status = runTool(hostThread, add, to);
        if (status == 0) {
            nat.put(add, undo);
            lifeline.undoWhenGone(natKey(undo), Masquerade.shellLine(undo));
        }
        return status;
    }

    /** {@code iptables -t nat -D POSTROUTING ...}: the rule goes, and is no longer diyc's to undo. */
    public synchronized int delete(NsThread hostThread, Masquerade.Tool tool, String source, String out, Sink to) {
        List<String> add = Masquerade.add(tool, source, out);
        List<String> undo = Masquerade.remove(tool, source, out);
        if (tool == Masquerade.Tool.NFT && !nat.containsKey(add)) {
            throw new UserError("iptables: there is no such rule of diyc's to delete (iptables -t nat -S lists them)");
        }
        if (tool == Masquerade.Tool.NFT && nat.size() > 1) {
            to.out("  · diyc's rules share one nft table, and deleting it deletes them all\n");
        }
        int status = runTool(hostThread, undo, to);
        if (status == 0) {
            // nft's undo deletes diyc's whole table: every rule recorded with that undo is gone
            nat.values().removeIf(undo::equals);
            lifeline.forget(natKey(undo));
        }
        return status;
    }

    private static String natKey(List<String> undo) {
        return "nat:" + Integer.toHexString(undo.hashCode());
    }

    public synchronized int list(NsThread hostThread, Masquerade.Tool tool, Sink to) {
        if (tool == Masquerade.Tool.NFT && nat.isEmpty()) {
            to.out("(diyc's nft table " + Masquerade.nftTable() + " has no rule yet)\n");
            return 0;
        }
        return runTool(hostThread, Masquerade.list(tool), to);
    }

    /** Runs iptables or nft from the host's thread, showing the command as the learner would type it. */
    private static int runTool(NsThread hostThread, List<String> argv, Sink to) {
        to.out("  · diyc runs: " + ShellQuote.line(argv) + "\n");
        return OneShot.run(hostThread, argv, to);

    }

    /** Removes the rules diyc added, with the tool's own undo. */
    synchronized void undo(NsThread hostThread, boolean quiet, Sink say, List<String> deleted) {
        if (nat.isEmpty()) {
            return;
        }
        if (!quiet) {
            say.out("  · diyc removes the NAT rule it added on the host\n");
        }
        for (List<String> undo : new LinkedHashSet<>(nat.values())) {
            runTool(hostThread, undo, quiet ? new Sink.Capture() : say);
            lifeline.forget(natKey(undo));
            deleted.add("nat rule");
        }
        nat.clear();
    }
}
