package dev.diyc.session;

import dev.diyc.sys.Privileges;
import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The posts' {@code sudo CMD}, typed in either context: diyc already runs as root (it could not make
 * namespaces otherwise), so it says so once and runs CMD as it would without sudo, native command or
 * shell line alike. No sudo is needed in the container, where there may be none to run.
 */
final class Sudo {
    /** {@code sudo}, then the options that change nothing for a root shell (-E keeps the environment, -H sets HOME). */
    private static final Pattern SUDO = Pattern.compile("sudo(?:\\s+-[EHn]+)*\\s+([^-\\s].*)", Pattern.DOTALL);

    private boolean told;

    /** The line without its leading sudo, or null when it does not start with one. */
    static String strip(String line) {
        Matcher m = SUDO.matcher(line.strip());
        return m.matches() ? m.group(1) : null;
    }

    /**
     * The first sudo of the session is explained; later ones just run. Without root (lesson 6 may be
     * taken so) a command cannot be raised from inside diyc, and the learner is told how to start it.
     */
    synchronized void noticeOnce(Console console) {
        if (!Privileges.isRoot()) {
            throw new UserError("diyc runs without root, and sudo inside it cannot change that: quit, then start it with sudo ./diyc");
        }
        if (!told) {
            told = true;
            console.say("diyc already runs as root, so sudo is not needed here: it runs the command as it is");
        }
    }
}
