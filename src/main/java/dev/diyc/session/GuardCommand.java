package dev.diyc.session;

import dev.diyc.guard.Guard;
import dev.diyc.guard.HostNamespace;
import dev.diyc.ns.Container;
import dev.diyc.term.UserError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code guard}: what the container's programs may not change, and the seccomp program that says so,
 * decoded instruction by instruction as seccomp-tools would print it.
 */
final class GuardCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("guard",
            "Show the seccomp filter the container's programs run under: what they may not change while it shares the host's namespaces.",
            "ctr guard");

    GuardCommand() {
        super(Scope.CONTEXT, Group.SEEING, HELP, "guard");
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return Candidates.of(List.of());
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        if (!call.args().isBlank()) {
            throw new UserError("guard takes no arguments: ctr guard (or ctr2 guard) shows that container's filter");
        }
        if (!(call.context() instanceof Container ctr)) {
            engine.console().say("the host context runs unguarded: what you type after host changes the host, on purpose "
                    + "(ctr guard shows the container's filter)");
            return Outcome.OK;
        }
        Guard g = ctr.guard();
        String shared = g.shared().stream().filter(n -> n != HostNamespace.USER).sorted().map(HostNamespace::title)
                .collect(Collectors.joining(", "));
        engine.console().say(ctr.name() + "'s programs start under this filter" + (shared.isEmpty()
                ? "; it shares no namespace with the host but the user namespace, so only setns back is refused"
                : "; it still shares the host's " + shared + " namespace" + (g.shared().size() > 2 ? "s" : ""))
                + " (explain guard says how it works):");
        for (String line : g.describe()) {
            engine.console().plain("  " + line);
        }
        return Outcome.OK;
    }
}
