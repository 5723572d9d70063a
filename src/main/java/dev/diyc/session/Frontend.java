package dev.diyc.session;

/**
 * What differs between the REPL and scripted mode: whether a terminal is there (run ends in a shell
 * on it), and the shell command, which needs one.
 */
public record Frontend(boolean interactive, Command shell) {
    /** Scripted mode: no terminal, and shell says so. */
    public static Frontend script() {
        return new Frontend(false, new ShellRefusal());
    }
}
