package dev.diyc.commands;

import dev.diyc.term.UserError;
import dev.diyc.ns.Container;
import dev.diyc.ns.Learner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "su", mixinStandardHelpOptions = true,
        description = {"Run the container as an ordinary user, like post 002's su vagrant: diyc's container thread takes the "
                + "user's IDs (setgroups, setresgid, setresuid on that thread only) and a new shell starts as that user.",
                "$LEARNER names the ordinary user diyc found (DIYC_LEARNER=NAME chooses another)."})
final class SuCommand extends NativeCommand {
    @Parameters(paramLabel = "USER", arity = "0..1", description = "the user to become, e.g. $LEARNER") String user;

    @Override
    public Integer call() {
        Container ctr = inv.container("su", "would change the user diyc's host context runs as");
        if (user == null || user.isBlank()) {
            throw new UserError("su which user? " + Learner.forThisSession().map(l -> "The ordinary user here is " + l.name() + ": su $LEARNER")
                    .orElse("This machine has no ordinary user diyc could find: create one (sudo useradd -m learner) "
                            + "or name one with DIYC_LEARNER=NAME"));
        }
        Learner l = Learner.byName(user).orElseThrow(() -> new UserError("su: user " + user + " does not exist"));
        int[] ids = ctr.thread().hostIds();
        if (ids[0] == l.uid()) {
            inv.console().say("the container already runs as " + l.name() + " (uid " + l.uid() + "): nothing to change");
            return 0;
        }
        if (ids[0] != 0) {
            throw new UserError("su: only root can become another user: run diyc with sudo (sudo ./diyc)");
        }
        ctr.su(l);
        inv.console().say("the container's shell (host PID " + ctr.pid() + ") runs as " + l.name() + ", uid " + l.uid() + " gid "
                + l.gid() + ", with no capabilities; the host context is still diyc's own user");
        return 0;
    }
}
