package dev.diyc.repl;

import dev.diyc.term.UserError;
import dev.diyc.ns.Container;
import dev.diyc.ns.HostEnv;
import dev.diyc.sys.Fds;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;

/**
 * {@code shell}: the terminal goes to an interactive shell inside the container (its namespaces, root
 * and PID space), like the posts' left terminal; {@code exit} comes back with the container still there.
 */
final class ShellCommand implements Engine.Builtin {
    private final Terminal terminal;

    ShellCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Engine.Outcome run(Engine engine, String args) {
        String name = args.strip();
        if (!name.isEmpty() && !dev.diyc.ns.Lab.isContainerName(name)) {
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
        return Engine.Outcome.OK;
    }
}
