package dev.diyc.session;

import dev.diyc.commands.Invocation;
import dev.diyc.commands.NativeCommands;
import java.util.List;

/**
 * A native command (unshare, mount, ip ...) in the registry: diyc makes its syscalls itself, in the
 * context the line names. Its help is its picocli spec's, printed as its --help prints it.
 */
final class NativeCommandEntry extends DeclaredCommand {
    private final String name;

    NativeCommandEntry(String name, Group group) {
        super(Scope.CONTEXT, group, new SpecHelp(() -> NativeCommands.spec(name), console -> NativeCommands.printUsage(name, console)),
                name);
        this.name = name;
    }

    /** Some forms are the real program's (a bare mount lists mounts; mkdir -m): they run in the context's shell. */
    @Override
    public boolean accepts(Engine engine, Call call) {
        return NativeCommands.handles(name, call.argWords());
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        Invocation inv = new Invocation(call.context(), engine.lab(), call.console());
        return NativeCommands.run(name, call.argWords(), inv) == 0 ? Outcome.OK : Outcome.FAILED;
    }

    @Override
    public boolean capturable() {
        return true;
    }

    /** Options after a dash, else paths (ip has its own words). */
    @Override
    public Candidates complete(Engine engine, List<String> args) {
        String word = args.isEmpty() ? "" : args.get(args.size() - 1);
        return word.startsWith("-") ? Candidates.of(NativeCommands.options(name)) : Candidates.PATHS;
    }

    @Override
    public String toString() {
        return "native " + name;
    }
}
