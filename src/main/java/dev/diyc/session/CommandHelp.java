package dev.diyc.session;

import dev.diyc.term.Console;

/** A command's help: one line for {@code help}'s overview, and what {@code help NAME} shows. */
public interface CommandHelp {
    String summary();

    void show(Console console);
}
