package dev.diyc.term;

/** What a piece of printed text is, for a transcript that lays each kind out differently. */
public enum ConsoleKind {
    /** a line typed at the prompt, the prompt included */
    TYPED,
    /** a command's standard output or error, as it comes */
    OUTPUT,
    /** a syscall in strace's form, or the cause or note printed under it */
    CALL,
    /** diyc speaking in its own voice */
    SAY,
    /** a lesson's narrative */
    TEXT,
    HEADING,
    /** a line as it is: a table row, a side-by-side view, a list */
    PLAIN,
    ERROR,
    /** a passed check (or something else that went well) */
    OK,
    /** a failed check */
    FAIL
}
