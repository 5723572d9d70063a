package dev.diyc.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Programs diyc runs: iptables or nft for lesson 8's NAT rule, util-linux's unshare and nsenter as single-threaded helpers. */
final class ProgramChecks {
    private ProgramChecks() {}

    /** iptables first, as diyc's own iptables command chooses; nft where it is the only one. */
    static Finding nat(Machine m) {
        var iptables = m.which("iptables");
        if (iptables.isPresent()) {
            return Finding.ok(Piece.NAT, "iptables at " + iptables.get()).with(Map.of("tool", "iptables"));
        }
        return m.which("nft").map(nft -> Finding.ok(Piece.NAT, "nft at " + nft + " (no iptables: diyc writes the rule in nft's words)")
                .with(Map.of("tool", "nft")))
                .orElse(Finding.missing(Piece.NAT, "neither iptables nor nft", "sudo apt-get install nftables"));
    }

    static Finding utilLinux(Machine m) {
        List<String> missing = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String p : List.of("unshare", "nsenter")) {
            m.which(p).ifPresentOrElse(found::add, () -> missing.add(p));
        }
        return missing.isEmpty() ? Finding.ok(Piece.UTIL_LINUX, String.join(", ", found))
                : Finding.missing(Piece.UTIL_LINUX, "no " + String.join(" or ", missing), "sudo apt-get install util-linux");
    }
}
