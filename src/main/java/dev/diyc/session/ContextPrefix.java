package dev.diyc.session;

import dev.diyc.term.UserError;
import java.util.List;
import java.util.stream.IntStream;

/** {@code host CMD}, {@code ctr CMD}, {@code ctr2 CMD} ...: the rest of the line runs in that context. */
final class ContextPrefix extends DeclaredCommand {

    ContextPrefix(List<String> names, WrittenHelp help) {
        super(Scope.SESSION, Group.WHERE, help, names);
    }

    /** ctr2 ... ctr9: one command, as help describes them together. */
    static List<String> otherContainers() {
        return IntStream.rangeClosed(2, 9).mapToObj(i -> "ctr" + i).toList();
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        String context = call.line().split("\\s+", 2)[0];
        if (call.args().isBlank()) {
            throw new UserError(context + " what? Give a command, e.g. " + context + " ps aux, or switch with: use " + context);
        }
        return engine.inContext(engine.lab().context(context), call.args(), true);
    }

    @Override
    public String toString() {
        return "context " + name();
    }

}
