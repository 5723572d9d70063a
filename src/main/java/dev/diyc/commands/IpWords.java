package dev.diyc.commands;

import dev.diyc.net.Netns;
import dev.diyc.ns.NamedNetns;
import dev.diyc.term.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The words of an ip command line, read front to back. */
final class IpWords {
    private final List<String> words;
    private int at;

    IpWords(List<String> words) {
        this.words = words;
    }

    boolean done() {
        return at >= words.size();
    }

    String next(String otherwise) {
        return done() ? otherwise : words.get(at++);
    }

    String required(String what) {
        if (done()) {
            throw new UserError("ip: " + what + " is missing (ip --help shows the forms)");
        }
        return words.get(at++);
    }

    void expect(String keyword) {
        String got = required("\"" + keyword + "\"");
        if (!got.equals(keyword)) {
            throw new UserError("ip: expected \"" + keyword + "\", not \"" + got + "\"");
        }
    }

    void accept(String keyword) {
        accepted(keyword);
    }

    boolean accepted(String keyword) {
        if (!done() && words.get(at).equals(keyword)) {
            at++;
            return true;
        }
        return false;
    }

    List<String> rest() {
        List<String> r = List.copyOf(words.subList(at, words.size()));
        at = words.size();
        return r;
    }

    /** {@code netns NAME} for a namespace made with ip netns add: an fd on /run/netns/NAME, or null for a PID. */
    Netns.Fd named() {
        if (done() || words.get(at).matches("\\d+")) {
            return null;
        }
        String name = words.get(at++);
        Path file = NamedNetns.path(name);
        if (!Files.exists(file)) {
            throw new UserError("ip: netns takes a PID such as $CTR, or a name from ip netns add; there is no " + file);
        }
        return Netns.open(file.toString());
    }

    /** {@code netns PID} or {@code netns NAME} where iproute2 allows it; null when absent. */
    Netns takeNetns() {
        if (!done() && words.get(at).equals("netns")) {
            at++;
            Netns.Fd named = named();
            return named != null ? named : Netns.pid(pid());
        }
        return null;
    }

    int pid() {
        String p = required("a PID (the container's is $CTR)");
        if (!p.matches("\\d+")) {
            throw new UserError("ip: netns takes a PID such as $CTR, or a name made with ip netns add, not \"" + p + "\"");
        }
        return Integer.parseInt(p);
    }

    /** {@code ip link show veth0}, {@code ip addr show dev veth0}: a device, or null. */
    String optionalDev() {
        accept("dev");
        return done() ? null : words.get(at++);
    }

    void end() {
        if (!done()) {
            throw new UserError("ip: unexpected \"" + words.get(at) + "\" (ip --help shows the forms)");
        }
    }

    /** show, list or ls: what iproute2 does with no command. */
    static boolean isShow(String cmd) {
        return is(cmd, "show", 1) || is(cmd, "list", 1) || cmd.equals("ls");
    }

    /** iproute2 takes any prefix of a keyword at least {@code min} letters long: l, li, link. */
    static boolean is(String typed, String keyword, int min) {
        return typed.length() >= min && keyword.startsWith(typed);
    }
}
