package dev.diyc.session;

import dev.diyc.commands.IdMapWrite;
import dev.diyc.commands.Invocation;
import java.util.List;

/**
 * {@code echo TEXT > /proc/PID/uid_map} (and gid_map, setgroups) on the host, recognised by the whole
 * line's shape: diyc makes the write itself, so the learner sees it as the syscall it is and a refusal
 * comes with its cause. Any other echo, and any other redirection, is the shell's.
 */
final class IdMapWriteForm extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("echo MAPPING > /proc/PID/uid_map|gid_map|setgroups",
            "On the host, the write that maps a user namespace's IDs, made by diyc and shown as the write(2) it is (lesson 6).",
            "host echo 0 1000 1 > /proc/$CTR/uid_map");

    IdMapWriteForm() {
        super(Scope.LINE, Group.UNLISTED, HELP, "echo");
    }
    @Override
    public boolean accepts(Engine engine, Call call) {
        return IdMapWrite.matches(call.line(), new Invocation(call.context(), engine.lab(), call.console()));
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        IdMapWrite.run(call.line(), new Invocation(call.context(), engine.lab(), call.console()));
        return Outcome.OK;
    }
}
