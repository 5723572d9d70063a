package dev.diyc.session;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random lines a learner could type: diyc's own words with random flags, quotes, control characters
 * and junk. Never a network command (ip, ping, iptables) or an address, since a random ping would
 * leave the machine; nothing that could wait forever (no program reading the shell's own input: no
 * bare sh or cat, sleep bounded); and shell syntax only where the guard stands (ctr lines): a host
 * line gets no junk, and neither use host nor compare, which hand a line to the host's shell, gets
 * arguments of its own.
 */
final class RandomLines {
    private static final List<String> COMMANDS = List.of("unshare", "hostname", "mount", "umount", "pivot_root", "chroot",
            "chroot-escape", "lsns", "ipcs", "ipcmk", "cgcreate", "cgset", "cgget", "cgexec", "cgdelete", "guard", "explain",
            "help", "exit", "run", "reset", "check", "hint", "lesson", "mkdir", "rmdir", "su", "echo", "true", "false", "id", "ps",
            "sleep 0.01 #", "cat /proc/self/status", "grep Seccomp /proc/self/status", "ls", "printf", "uname -n",
            "readlink /proc/self/ns/uts");
    /** After host: diyc's refusals and reading only, never junk (the host's shell is not guarded). */
    private static final List<String> HOST_COMMANDS = List.of("unshare", "hostname", "mount", "umount", "pivot_root", "chroot",
            "lsns", "ipcs", "cgget", "guard", "echo", "true", "id", "uname -n", "su");
    private static final List<String> PREFIXES = List.of("", "", "ctr ", "ctr ", "ctr2 ", "ctr3 ", "host ");
    private static final List<String> FLAGS = List.of("--uts", "--pid", "--fork", "-f", "--mount", "-m", "--ipc", "--cgroup",
            "--user", "--map-root-user", "-r", "--mount-proc", "--mount-proc=/proc", "--root=rootfs", "--root=", "--wd=", "--wd=/",
            "--propagation", "--propagation=private", "--propagation=bogus", "-t", "tmpfs", "proc", "none", "--bind", "rootfs",
            "rootfs/old", "/", "/proc", "-g", "pids:fz", "memory,pids:fz", "pids.max=5", "-Q", "-q", "--help", "-h", "-x", "--",
            "-", "list", "show", "ns", "hostname", "lsns", "0", "1", "12", "-1", "99999", "host", "ctr", "ctr2", "guard", "seccomp",
            "--memory", "32M", "--pids", "7", "--hostname", "box", "-p", "a/b", "x");
    private static final List<String> JUNK = List.of("'", "\"", "'half", "\"half", "$(echo x)", "`echo y`", "&&", ";", "|", "||",
            ">", "2>&1", "&", "$CTR", "$CTR2", "${CTR", "$((1+1))", "\\", "*", "?", "~", "#", "!", "{", "}", "(", ")", "\t", "\u0001",
            "\u0007", "\u001b[31m", "\u0000", "\r", "é", "日本", "\uD83D\uDE00", " ", "  ", "=", "--=", "-".repeat(40), "x".repeat(300));
    private static final List<String> LITERAL = List.of("run --wd= 'half", "ctr2 unshare /", "ctr unshare --uts /", "ctr unshare -",
            "host cgexec -g pids:fz unshare --uts", "'", "\"", "ctr", "host", "ctr2", "compare ns", "compare hostname", "compare lsns",
            "use ctr", "use ctr2", "ctr unshare --user --map-root-user --uts --pid --fork sh", "ctr unshare --pid --fork --mount-proc");
    private static final Pattern FORBIDDEN = Pattern.compile("(?s).*(\\b(ip|ping|iptables|kill|ipcrm|cgclassify|compare|use|step|next|goto)\\b"
            + "|lesson +run|--net|\\d+\\.\\d+\\.\\d+).*");

    private RandomLines() {}

    static Arbitrary<String> line() {
        return Arbitraries.frequencyOf(Tuple.of(12, built()), Tuple.of(1, Arbitraries.of(LITERAL)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(40).excludeChars('\n').map(s -> "ctr " + s)))
                .map(RandomLines::safe);
    }

    private static Arbitrary<String> built() {
        // A random word never names a program by chance ("sh", "yes"): it always starts with fz-.
        Arbitrary<String> random = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8).map(s -> "fz-" + s);
        Arbitrary<String> flag = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(FLAGS)), Tuple.of(1, random));
        Arbitrary<String> word = Arbitraries.frequencyOf(Tuple.of(3, flag), Tuple.of(2, Arbitraries.of(JUNK)));
        return Combinators.combine(Arbitraries.of(PREFIXES), Arbitraries.of(COMMANDS), Arbitraries.of(HOST_COMMANDS),
                word.list().ofMaxSize(6), flag.list().ofMaxSize(4))
                .as((prefix, command, hostCommand, words, flags) -> prefix.equals("host ")
                        ? join(prefix + hostCommand, flags)
                        : join(prefix + command, words));
    }

    private static String join(String head, List<String> words) {
        return words.isEmpty() ? head : head + " " + String.join(" ", words);
    }

    /** The rules above, held on the finished line whatever the parts made of it. */
    static String safe(String line) {
        return FORBIDDEN.matcher(line.toLowerCase(Locale.ROOT)).matches() && !LITERAL.contains(line) ? "echo filtered" : line;
    }
}
