package dev.diyc.ns;

import dev.diyc.term.ShellQuote;
import dev.diyc.term.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A MASQUERADE rule on the host: packets that leave through the uplink get the host's address as
 * their source, which is how a container's private 10.x address reaches the internet. diyc sets it
 * with whichever tool the machine has: iptables (the posts' spelling) or, where only nftables is
 * installed, the same rule in nft's words, in a table of diyc's own so removing it touches nothing
 * else. diyc never sends traffic through it.
 */
public final class Masquerade {
    /** The tool found, or null when neither is installed. */
    public enum Tool { IPTABLES, NFT }

    private Masquerade() {}

    public static Tool tool() {
        if (onPath("iptables")) {
            return Tool.IPTABLES;
        }
        return onPath("nft") ? Tool.NFT : null;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin") + ":/usr/sbin:/sbin";
        return Stream.of(path.split(":")).anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    /** diyc's nft table for this session: its own, so deleting it deletes only diyc's rule. */
    public static String nftTable() {
        return "diyc_" + ProcessHandle.current().pid();
    }

    /** The argv that adds the rule for packets from SOURCE (or any, if null) leaving through OUT (or any). */
    public static List<String> add(Tool tool, String source, String out) {
        return switch (tool) {
            case IPTABLES -> iptables("-A", source, out);
            case NFT -> List.of("nft", "add table ip " + nftTable() + " ; "
                    + "add chain ip " + nftTable() + " postrouting { type nat hook postrouting priority 100 ; } ; "
                    + "add rule ip " + nftTable() + " postrouting" + (source == null ? "" : " ip saddr " + source)
                    + (out == null ? "" : " oifname \"" + out + "\"") + " masquerade");
        };
    }

    /** The argv that removes what {@link #add} added. */
    public static List<String> remove(Tool tool, String source, String out) {
        return switch (tool) {
            case IPTABLES -> iptables("-D", source, out);
            case NFT -> List.of("nft", "delete table ip " + nftTable());
        };
    }

    /** The argv that lists the NAT rules. */
    public static List<String> list(Tool tool) {
        return switch (tool) {
            case IPTABLES -> List.of("iptables", "-t", "nat", "-S", "POSTROUTING");
            case NFT -> List.of("nft", "list table ip " + nftTable());
        };
    }

    private static List<String> iptables(String op, String source, String out) {
        List<String> argv = new ArrayList<>(List.of("iptables", "-t", "nat", op, "POSTROUTING"));
        if (source != null) {
            argv.addAll(List.of("-s", source));
        }
        if (out != null) {
            argv.addAll(List.of("-o", out));
        }
        argv.addAll(List.of("-j", "MASQUERADE"));
        return argv;
    }

    /** The same command as a line for the lifeline's shell (names and addresses are validated first). */
    static String shellLine(List<String> argv) {
        return ShellQuote.line(argv);
    }

    static void requireSafe(String what, String value) {
        if (value != null && !value.matches("[A-Za-z0-9_./:@-]{1,64}")) {
            throw new UserError("iptables: \"" + value + "\" is not a " + what + " diyc takes");
        }
    }
}
