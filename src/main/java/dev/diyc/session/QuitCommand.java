package dev.diyc.session;

import java.util.List;

/** {@code quit}: leaves diyc, whose lab then undoes everything it made. */
final class QuitCommand implements Command {
    private static final WrittenHelp HELP = new WrittenHelp("quit",
            "Leave diyc; every container, mount and process it made goes with it.", "quit");

    @Override
    public List<String> names() {
        return List.of("quit");
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
        return Outcome.QUIT;
    }
}
