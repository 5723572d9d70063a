package dev.diyc.session;

import dev.diyc.term.UserError;
import java.util.List;

/** {@code shell} in scripted mode, which has no terminal to hand to a shell. */
final class ShellRefusal extends DeclaredCommand {
    static final WrittenHelp HELP = new WrittenHelp("shell [ctr2]",
            "An interactive shell inside the container (the prompt's, or the one named), on this terminal; exit comes back with the container still there.",
            "shell");

    ShellRefusal() {
        super(Scope.SESSION, Group.WHERE, HELP, "shell");
    }
    @Override
    public Outcome run(Engine engine, Call call) {
        throw new UserError("shell hands the terminal to a shell in the container; scripted mode has no terminal: use ctr CMD");
    }
}
