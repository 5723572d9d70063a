package dev.diyc.session;

import java.util.List;

/** A command that is another one with something changed: the base of the registry's wrappers. */
abstract class ForwardingCommand implements Command {
    protected final Command inner;

    ForwardingCommand(Command inner) {
        this.inner = inner;
    }

    @Override
    public List<String> names() {
        return inner.names();
    }

    @Override
    public Scope scope() {
        return inner.scope();
    }

    @Override
    public Group group() {
        return inner.group();
    }

    @Override
    public CommandHelp help() {
        return inner.help();
    }

    @Override
    public boolean accepts(Engine engine, Call call) {
        return inner.accepts(engine, call);
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        return inner.run(engine, call);
    }

    @Override
    public boolean capturable() {
        return inner.capturable();
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return inner.complete(engine, args);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + inner + ")";
    }
}
