package dev.diyc.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

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
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Pattern FORBIDDEN = Pattern.compile("(?s).*(\\b(ip|ping|iptables|kill|ipcrm|cgclassify|compare|use|step|next|goto)\\b"
            + "|lesson +run|--net|\\d+\\.\\d+\\.\\d+).*");

    private final SplittableRandom random;

    /** The same seed gives the same lines, so a failing run can be replayed (-Ddiyc.fuzz.seed=N). */
    RandomLines(long seed) {
        random = new SplittableRandom(seed);
    }

    /** The next line: mostly built from diyc's words, sometimes a known troublemaker, sometimes noise after ctr. */
    String next() {
        int pick = random.nextInt(15);
        String line = pick < 12 ? built() : pick < 13 ? pickFrom(LITERAL) : "ctr " + noise(40);
        return safe(line);
    }

    private String built() {
        String prefix = pickFrom(PREFIXES);
        if (prefix.equals("host ")) {
            return join(prefix + pickFrom(HOST_COMMANDS), words(4, this::flag));
        }
        return join(prefix + pickFrom(COMMANDS), words(6, () -> random.nextInt(5) < 3 ? flag() : pickFrom(JUNK)));
    }

    private List<String> words(int most, Supplier<String> word) {
        List<String> words = new ArrayList<>();
        for (int n = random.nextInt(most + 1); n > 0; n--) {
            words.add(word.get());
        }
        return words;
    }

    /** A known flag, or a random word that never names a program by chance ("sh", "yes"): it starts with fz-. */
    private String flag() {
        if (random.nextInt(6) < 5) {
            return pickFrom(FLAGS);
        }
        StringBuilder b = new StringBuilder("fz-");
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return b.toString();
    }

    /** Up to {@code most} characters of anything but a newline: printable, control, accented, wide, emoji. */
    private String noise(int most) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(most + 1); n > 0; n--) {
            switch (random.nextInt(6)) {
                case 0 -> b.append((char) random.nextInt(0x20)); // a newline among them becomes a space below
                case 1 -> b.append(pickFrom(JUNK));
                case 2 -> b.appendCodePoint(0xA0 + random.nextInt(0x2F00));
                case 3 -> b.appendCodePoint(0x1F600 + random.nextInt(0x40));
                default -> b.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return b.toString().replace("\n", " ");
    }

    private String pickFrom(List<String> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String join(String head, List<String> words) {
        return words.isEmpty() ? head : head + " " + String.join(" ", words);
    }

    /** The rules above, held on the finished line whatever the parts made of it. */
    static String safe(String line) {
        return FORBIDDEN.matcher(line.toLowerCase(Locale.ROOT)).matches() && !LITERAL.contains(line) ? "echo filtered" : line;
    }
}
