package dev.diyc.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every REPL command by name, registered once ({@link StandardCommands}). The engine looks lines up
 * here, help reads each command's own help from here, and tab completion asks here what to offer.
 */
public final class Registry {
    private final Map<String, Command> byName = new LinkedHashMap<>();
    private final List<Command> commands = new ArrayList<>();

    public synchronized Registry add(Command command) {
        for (String name : command.names()) {
            Command before = byName.putIfAbsent(name, command);
            if (before != null) {
                throw new IllegalStateException(name + " is registered twice: " + before + " and " + command);
            }
        }
        commands.add(command);
        return this;
    }

    /** The command of any scope a name belongs to (help finds them all), or null. */
    public synchronized Command find(String name) {
        return byName.get(name);
    }

    /** The command a word names where it stands: at the start of a line (SESSION), or after a context (CONTEXT). */
    public synchronized Command find(String name, Scope scope) {
        Command c = byName.get(name);
        return c != null && c.scope() == scope ? c : null;
    }

    /** In the order registered, which is the order help lists them in. */
    public synchronized List<Command> all() {
        return List.copyOf(commands);
    }

    public List<Command> of(Scope scope) {
        return all().stream().filter(c -> c.scope() == scope).toList();
    }

    public List<Command> of(Group group) {
        return all().stream().filter(c -> c.group() == group).toList();
    }

    /** The names a scope's commands are typed by, aliases left out, for tab completion. */
    public Set<String> names(Scope scope) {
        Set<String> names = new TreeSet<>();
        of(scope).forEach(c -> names.add(c.name()));
        return names;
    }
}
