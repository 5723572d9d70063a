package dev.diyc.session;

import dev.diyc.ns.Lab;
import dev.diyc.term.UserError;
import dev.diyc.view.Views;
import java.util.List;

/** {@code compare VIEW|CMD}: the host's view and the container's side by side, differences marked. */
final class CompareCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("compare VIEW|CMD",
            "The host's view and the container's side by side, differences marked: ps, hostname, ns, mounts, ls /, or any command.",
            "compare ns");

    CompareCommand() {
        super(Scope.SESSION, Group.SEEING, HELP, "compare");
    }
    @Override
    public Outcome run(Engine engine, Call call) {
        String what = call.args();
        if (what.isBlank()) {
            throw new UserError("compare what? One of: " + String.join(", ", Views.NAMED) + ", or any command (compare cat /proc/self/status); "
                    + "compare ctr ctr2 VIEW compares two containers");
        }
        Lab lab = engine.lab();
        String[] w = what.strip().split("\\s+", 3);
        if (w.length == 3 && Lab.isContextName(w[0]) && Lab.isContextName(w[1])) {
            // compare ctr ctr2 ip addr
            Views.compare(w[2], lab.context(w[0]), lab.context(w[1]), engine.console(), (ctx, line) -> CommandOutput.of(engine, ctx, line));
        } else {
            Views.compare(what, lab.host(), engine.currentContainer(), engine.console(), (ctx, line) -> CommandOutput.of(engine, ctx, line));
        }
        return Outcome.OK;
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return Candidates.of(args.size() == 1 ? Views.NAMED : List.of());
    }
}
