package dev.diyc.session;

import dev.diyc.ns.Context;
import dev.diyc.ns.ShellWords;
import dev.diyc.sys.SyscallException;
import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import dev.diyc.term.Words;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * What a line prints in a context, for a view: diyc's own command for the ones it implements (found
 * in the registry, as the engine finds them, user-namespace reroute included), the context's shell
 * for the rest. The syscalls made for a view are not printed: the view is the point.
 */
final class CommandOutput {
    private CommandOutput() {}

    static List<String> of(Engine engine, Context ctx, String line) {
        List<String> words = Words.split(line, engine.lab().vars());
        if (words == null || words.isEmpty()) {
            return ctx.capture(line).lines().toList();
        }
        StringWriter text = new StringWriter();
        Console capture = new Console(new PrintWriter(text), false, () -> 200);
        String args = line.contains(" ") ? line.substring(line.indexOf(' ') + 1).strip() : "";
        Command c = engine.registry().find(words.get(0), Scope.CONTEXT);
        if (c == null || !c.capturable()) {
            return ctx.capture(line).lines().toList();
        }
        Call call = new Call(line, args, ShellWords.split(ctx, line, engine.lab().vars()), ctx, true, capture);
        if (!c.accepts(engine, call)) {
            return ctx.capture(line).lines().toList();
        }
        try {
            engine.lab().recorder().quietly(() -> c.run(engine, call));
        } catch (UserError | SyscallException e) {
            capture.error(e.getMessage());
        }
        return text.toString().lines().toList();
    }
}
