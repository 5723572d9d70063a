package dev.diyc.session;

import dev.diyc.term.Console;

/** Help written out for a command that has no picocli spec: its usage, what it does, an example. */
public record WrittenHelp(String usage, String summary, String example) implements CommandHelp {
    @Override
    public void show(Console console) {
        console.heading(usage);
        console.text(summary);
        console.plain("  example: " + example);
    }
}
