package dev.diyc.repl;

import dev.diyc.ns.Container;
import dev.diyc.ns.HostEnv;
import dev.diyc.ns.Lab;
import dev.diyc.session.Call;
import dev.diyc.session.Candidates;
import dev.diyc.session.Command;
import dev.diyc.session.CommandHelp;
import dev.diyc.session.DeclaredCommand;
import dev.diyc.session.Engine;
import dev.diyc.session.Group;
import dev.diyc.session.Outcome;
import dev.diyc.session.Scope;
import dev.diyc.session.WrittenHelp;
import dev.diyc.sys.Fds;
import dev.diyc.term.UserError;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;

/**
 * {@code shell}: the terminal goes to an interactive shell inside the container (its namespaces, root
 * and PID space), like the posts' left terminal; {@code exit} comes back with the container still there.
 */
final class ShellCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("shell [ctr2]",
            "An interactive shell inside the container (the prompt's, or the one named), on this terminal; exit comes back with the container still there.",
            "shell");

    private final Terminal terminal;

    ShellCommand(Terminal terminal) {
        super(Scope.SESSION, Group.WHERE, HELP, "shell");
        this.terminal = terminal;
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return Candidates.of(List.of("ctr", "ctr2"));
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        String name = call.args().strip();
        if (!name.isEmpty() && !Lab.isContainerName(name)) {
            throw new UserError("shell takes a container's name (ctr, ctr2 ...) or nothing; inside it, type what you like, then exit");
        }
        Container ctr = name.isEmpty() ? engine.currentContainer() : engine.lab().container(name);
        String hostname = ctr.hostname();
        List<String> env = new ArrayList<>(HostEnv.get());
        // The prompt names the container's hostname, like the posts' "root@mycontainer".
        env.add("PS1=(" + ctr.name() + ") " + hostname + ":$PWD# ");
        engine.console().say("a shell inside " + ctr.name() + ", on this terminal (host PID of its shell: "
                + ctr.pid() + "). exit or Ctrl-D comes back to diyc; the container stays");
        terminal.pause();
        try {
            // +m: no job control, so the shell never takes the terminal's foreground from diyc.
            int pid = ctr.spawnOnTerminal(List.of("/bin/sh", "+m", "-i"), env);
            Fds.waitFor(pid);
        } finally {
            terminal.resume();
        }
        engine.console().say("back in diyc");
        return Outcome.OK;
    }
}
