package dev.diyc.session;

/** Where on a line a command is recognised, which decides what it is given to run. */
public enum Scope {
    /** diyc's own (help, lesson, use ...): only as a line's first word, never after host or ctr. */
    SESSION,
    /** Runs in a context (unshare, mount, exit ...): bare in the prompt's context, or after host, ctr, ctr2 ... */
    CONTEXT,
    /**
     * Recognised by the shape of the whole line, before it is split into words, because the line holds
     * shell operators ({@code echo 0 0 1 > /proc/PID/uid_map}); a line of another shape goes on as usual.
     */
    LINE
}
