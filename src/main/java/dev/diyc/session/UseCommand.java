package dev.diyc.session;

import dev.diyc.ns.Lab;
import dev.diyc.term.UserError;
import java.util.List;

/** {@code use host|ctr|ctr2}: the context bare commands run in, which the prompt names. */
final class UseCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("use host|ctr|ctr2",
            "Make bare commands run in that context (the prompt shows which).", "use host");

    UseCommand() {
        super(Scope.SESSION, Group.WHERE, HELP, "use");
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
