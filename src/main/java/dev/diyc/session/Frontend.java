package dev.diyc.session;

/**
 * What differs between the REPL and scripted mode: whether a terminal is there (run ends in a shell
 * on it), and the commands that need one: shell, and present (presenter mode reads single keys).
 */
public record Frontend(boolean interactive, Command shell, Command present) {
    public Frontend(boolean interactive, Command shell) {
        this(interactive, shell, new PresentCommand(null,
                "present types a step's lines as you hit keys; scripted mode has no keyboard: the script's lines run as written"));
    }

    /** Scripted mode: no terminal, and shell and present say so. */
    public static Frontend script() {
        return new Frontend(false, new ShellRefusal());
    }
}
