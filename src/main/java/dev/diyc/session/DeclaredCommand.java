package dev.diyc.session;

import java.util.List;

/**
 * A command whose names, scope, help group and help are fixed when it is made: most of them. The
 * facts are given once, to the constructor, instead of four one-line methods in every command.
 */
public abstract class DeclaredCommand implements Command {
    private final List<String> names;
    private final Scope scope;
    private final Group group;
    private final CommandHelp help;

    protected DeclaredCommand(Scope scope, Group group, CommandHelp help, List<String> names) {
        this.names = List.copyOf(names);
        this.scope = scope;
        this.group = group;
        this.help = help;
    }

    protected DeclaredCommand(Scope scope, Group group, CommandHelp help, String name) {
        this(scope, group, help, List.of(name));
    }

    @Override
    public final List<String> names() {
        return names;
    }

    @Override
    public final Scope scope() {
        return scope;
    }

    @Override
    public final Group group() {
        return group;
    }

    @Override
    public final CommandHelp help() {
        return help;
    }
}
