package dev.diyc.commands;

import dev.diyc.term.UserError;
import dev.diyc.ns.Container;
import dev.diyc.ns.Context;
import dev.diyc.ns.Lab;
import dev.diyc.term.Console;

/** Where a native command runs (which context) and where it prints. */
public record Invocation(Context ctx, Lab lab, Console console) {

    public boolean inContainer() {
        return ctx instanceof Container;
    }

    /** The container, or a clear refusal for a command that would change the host. */
    public Container container(String command, String why) {
        if (ctx instanceof Container c) {
            return c;
        }
        throw new UserError(command + " " + why + " in the host context; diyc leaves the host as it found it. "
                + "Run it in the container: ctr " + command + " ...");
    }
}
