package dev.diyc.session;

import dev.diyc.ns.Lab;
import dev.diyc.term.UserError;
import java.util.List;

/** {@code use host|ctr|ctr2}: the context bare commands run in, which the prompt names. */
final class UseCommand implements Command {
    private static final WrittenHelp HELP = new WrittenHelp("use host|ctr|ctr2",
            "Make bare commands run in that context (the prompt shows which).", "use host");

    @Override
    public List<String> names() {
        return List.of("use");
    }

    @Override
    public Scope scope() {
        return Scope.SESSION;
    }

    @Override
    public Group group() {
        return Group.WHERE;
    }

    @Override
    public CommandHelp help() {
        return HELP;
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        String context = call.args().strip();
        if (!Lab.isContextName(context)) {
            throw new UserError("use takes host, ctr, or ctr2 ... ctr9 for another container");
        }
        engine.use(context);
        return Outcome.OK;
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return Candidates.of(List.of("host", "ctr", "ctr2"));
    }
}
