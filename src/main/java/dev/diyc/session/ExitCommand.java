package dev.diyc.session;

import dev.diyc.ns.Container;
import java.util.List;

/**
 * {@code exit}, like exit in the posts' shells: it leaves the container (its shell exits, its
 * namespaces go), and at the top level, diyc. It runs in a context rather than as diyc's own command
 * so that {@code ctr exit} names the container to end; diyc handles it instead of the shell, which
 * would end without diyc knowing, and a container in a user namespace must not send it to its programs.
 */
final class ExitCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("exit",
            "In the container: end it (its shell exits, its namespaces go). On the host: leave diyc.", "ctr exit");

    ExitCommand() {
        super(Scope.CONTEXT, Group.WHERE, HELP, "exit");
    }
    @Override
    public Outcome run(Engine engine, Call call) {
        if (!call.contextNamed() && call.args().isBlank()) {
            // A bare exit in a container with nothing of its own has no shell of the container's to
            // leave: it leaves diyc, as on the host. ctr exit there says there is nothing to exit.
            Container prompt = call.context() instanceof Container c ? c : null;
            return prompt != null && !prompt.sharesEverything() ? engine.exitContainer(prompt) : Outcome.QUIT;
        }
        return call.context() instanceof Container c ? engine.exitContainer(c) : Outcome.QUIT;
    }
}
