package dev.diyc.session;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What diyc reads and writes, and the environment it reads: System's for a learner, a test's own for
 * a session driven in-process (google-java-format's Main takes its streams the same way).
 *
 * @param terminal whether out is a terminal (colour in scripted mode, the system terminal for the REPL)
 */
public record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
    public static Io system() {
        return new Io(System.in, System.out, System.err, System.getenv(), System.console() != null);
    }

    /** The terminal's width as $COLUMNS gives it, 80 when unset or not a number. */
    public int columns() {
        try {
            return Integer.parseInt(env.getOrDefault("COLUMNS", "80"));
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
