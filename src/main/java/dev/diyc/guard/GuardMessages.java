package dev.diyc.guard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a program's complaint about a guarded call into diyc's words. The guard answers EPERM, which
 * programs print as "Operation not permitted" or, worse, as "you must be root" (hostname) to a
 * learner who is root; diyc replaces such a line when the namespace it is about is one the context
 * still shares, the one case where a root context gets EPERM for it from the guard and from nothing
 * else.
 *
 * <p>Why EPERM, not a distinctive errno, TRAP or USER_NOTIF: an errno nobody returns ("Key was
 * rejected by service") would be recognised without knowing the program, but it is what strace and
 * the programs diyc does not read (those on the learner's terminal) would show, and it is untrue;
 * TRAP kills the program with "Bad system call" and tells the shell nothing of which call;
 * USER_NOTIF would let diyc name the exact call and PID before the program prints anything, at the
 * price of a supervising thread and a listener fd per context: the next step, not this one.
 */
public final class GuardMessages {
    /** Programs, by the namespace whose changing they are for; the first is named when the line names none. */
    private static final Map<HostNamespace, List<String>> PROGRAMS = Map.of(
            HostNamespace.UTS, List.of("hostname", "domainname", "dnsdomainname", "nisdomainname", "sethostname", "setdomainname"),
            HostNamespace.MOUNT, List.of("mount", "umount", "pivot_root", "switch_root", "move_mount", "fsopen", "fsmount"),
            HostNamespace.PID, List.of("kill", "pkill", "killall", "skill"),
            HostNamespace.NET, List.of("ip", "ifconfig", "route", "iptables", "ip6tables", "nft", "brctl", "ethtool", "rtnetlink"));

    private static final List<String> REFUSALS = List.of("operation not permitted", "permission denied", "must be root",
            "must be superuser", "are you root", "not permitted");

    private static final List<HostNamespace> ORDER = List.of(HostNamespace.UTS, HostNamespace.MOUNT, HostNamespace.PID, HostNamespace.NET);

    private GuardMessages() {}

    /**
     * @param line one line a program in the context printed on stderr
     * @param shared the namespaces the context shares with the host (the guard it runs under)
     * @param context the context's name, as the learner types it ({@code ctr}, {@code ctr2})
     * @return diyc's line to print instead, or empty when the line is not about a guarded call
     */
    public static Optional<String> explain(String line, Set<HostNamespace> shared, String context) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (REFUSALS.stream().noneMatch(lower::contains)) {
            return Optional.empty();
        }
        List<String> words = List.of(lower.split("[^a-z0-9_]+"));
        for (String word : words) {
            for (HostNamespace n : ORDER) {
                if (shared.contains(n) && PROGRAMS.get(n).contains(word)) {
                    return Optional.of(message(word.equals("rtnetlink") ? "ip" : word, n, context));
                }
            }
        }
        return Optional.empty();
    }

    static String message(String program, HostNamespace n, String context) {
        String why = switch (n) {
            case PID -> ", where PID 1 is the host's init, a negative PID a group of the host's processes, and $PPID diyc itself";
            case NET -> ", so its programs start without CAP_NET_ADMIN";
            default -> "";
        };
        return program + ": stopped by diyc: " + context + " still shares the host's " + n.title() + " namespace" + why
                + "; " + context + " unshare " + n.unshareOption() + " first";
    }
}
