package dev.diyc.commands;

import dev.diyc.term.Words;
import dev.diyc.sys.Syscalls;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code echo TEXT > /proc/PID/uid_map} (and gid_map, setgroups) on the host: diyc makes the write
 * itself, so the learner sees it as the syscall it is, {@code write("/proc/4242/uid_map", "0 1000 1\n") = 9},
 * and a refusal comes with its cause. Any other redirection is the host shell's business.
 */
public final class IdMapWrite {
    private static final Pattern LINE = Pattern.compile("echo\\s+([^<>|&;`]*?)\\s*>\\s*([^<>|&;`\\s]+)\\s*");
    private static final Pattern FILE = Pattern.compile("/proc/(\\d+|self)/(uid_map|gid_map|setgroups)");

    private IdMapWrite() {}

    /** Whether the line is such a write, in the host context (in a container, echo is its shell's). */
    public static boolean matches(String line, Invocation inv) {
        return parse(line, inv) != null;
    }

    /** Makes the write; call only for a line that {@link #matches}. */
    public static void run(String line, Invocation inv) {
        String[] write = parse(line, inv);
        inv.ctx().thread().call(() -> Syscalls.writeFile(write[0], write[1], null));
    }

    /** @return the file and what to write to it, or null when the line is not such a write */
    private static String[] parse(String line, Invocation inv) {
        if (inv.inContainer()) {
            return null;
        }
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        List<String> text = Words.split(m.group(1), inv.lab().vars());
        List<String> file = Words.split(m.group(2), inv.lab().vars());
        if (text == null || file == null || file.size() != 1 || !FILE.matcher(file.get(0)).matches()
                || (!text.isEmpty() && text.get(0).startsWith("-"))) {
            return null;
        }
        return new String[] {file.get(0), String.join(" ", text) + "\n"};
    }
}
