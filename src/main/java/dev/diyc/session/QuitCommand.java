package dev.diyc.session;

import java.util.List;

/** {@code quit}: leaves diyc, whose lab then undoes everything it made. */
final class QuitCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("quit",
            "Leave diyc; every container, mount and process it made goes with it.", "quit");

    QuitCommand() {
        super(Scope.SESSION, Group.WHERE, HELP, "quit");
    }
    @Override
    public Outcome run(Engine engine, Call call) {
        return Outcome.QUIT;
    }
}
