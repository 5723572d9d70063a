package dev.diyc.session;

/** The headings of {@code help}'s overview, in the order it shows them. */
public enum Group {
    WHERE("Where commands run"),
    SYSCALLS("Syscalls diyc makes itself, printed as strace shows them"),
    SEEING("Seeing what changed"),
    CGROUPS("Control groups, with libcgroup's commands (diyc writes the files)"),
    LESSONS("Lessons"),
    UNDERSTANDING("Understanding"),
    /** Has help of its own (help NAME), but no line in the overview. */
    UNLISTED(null);

    private final String heading;

    Group(String heading) {
        this.heading = heading;
    }

    public String heading() {
        return heading;
    }
}
