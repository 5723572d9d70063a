package dev.diyc.session;

import java.util.List;

/**
 * A REPL command, whatever it is: diyc's own (help, use, lesson), one that runs in a context (unshare,
 * exit), or a line form (the uid_map write). It carries everything about itself, as jline's Builtins
 * do: its names, how it runs, what its arguments complete to, its help. The {@link Registry} holds
 * them all; the engine and the completer only ask it.
 */
public interface Command {
    /** The first is the name help shows; the others are aliases (ctr3 ... ctr9 for ctr2). */
    List<String> names();

    Scope scope();

    Group group();

    CommandHelp help();

    /** Whether this command takes the call; if not, the line runs as a program in the context. */
    default boolean accepts(Engine engine, Call call) {
        return true;
    }

    Outcome run(Engine engine, Call call);

    /**
     * Whether a view may run it to read what it prints ({@code compare lsns}): the native commands;
     * not exit, which would end a container to show nothing.
     */
    default boolean capturable() {
        return false;
    }

    /**
     * What the word being typed can be.
     *
     * @param args the words after the command's name, the one being typed last
     */
    default Candidates complete(Engine engine, List<String> args) {
        return Candidates.PATHS;
    }

    default String name() {
        return names().get(0);
    }
}
