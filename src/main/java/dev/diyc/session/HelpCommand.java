package dev.diyc.session;

import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code help [COMMAND]}: diyc's commands grouped by purpose, each line the command's own summary; for
 * one command, its own help (a native command's is its --help).
 */
final class HelpCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("help [COMMAND]", "This list, or one command's usage.", "help unshare");

    private final Registry registry;

    HelpCommand(Registry registry) {
        super(Scope.SESSION, Group.UNDERSTANDING, HELP, "help");
        this.registry = registry;
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        Console c = engine.console();
        String name = call.args().strip();
        if (!name.isEmpty()) {
            Command command = registry.find(name);
            if (command == null) {
                throw new UserError("no help for '" + name + "'; help lists the commands. Other commands run as programs in the context.");
            }
            command.help().show(c);
            return Outcome.OK;
        }
        for (Group g : Group.values()) {
            if (g.heading() != null) {
                c.heading(g.heading());
                registry.of(g).forEach(command -> c.plain(String.format("  %-14s %s", command.name(), command.help().summary())));
            }
        }
        c.say("anything else (ls, ps aux, echo $$, cat /proc/mounts | wc -l, sleep 999 &, kill) runs as a real program in the context");
        return Outcome.OK;
    }

    /** Every command with help, the overview's and the unlisted ones. */
    @Override
    public Candidates complete(Engine engine, List<String> args) {
        List<String> names = new ArrayList<>();
        registry.all().forEach(command -> names.add(command.name()));
        return Candidates.of(names);
    }
}
