package dev.diyc.session;

import dev.diyc.lesson.Tutor;
import dev.diyc.term.UserError;
import java.util.List;

/** {@code reset [--all [--yes]]}: a fresh container and the lesson from its first step, or all progress forgotten. */
final class ResetCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("reset [--all [--yes]]",
            "A fresh container and the current lesson from its first step; --all forgets all progress.", "reset");

    private final Tutor tutor;

    ResetCommand(Tutor tutor) {
        super(Scope.SESSION, Group.LESSONS, HELP, "reset");
        this.tutor = tutor;
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        switch (call.args().strip()) {
            case "" -> tutor.reset();
            case "--all --yes", "--yes --all" -> tutor.resetAll();
            case "--all" -> {
                if (!engine.confirm("forget all progress (every lesson, every passed step)?")) {
                    engine.console().say("nothing forgotten (reset --all --yes skips the question)");
                    return Outcome.OK;
                }
                tutor.resetAll();
            }
            default -> throw new UserError("reset takes nothing, --all, or --all --yes");
        }
        return Outcome.OK;
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return Candidates.of(List.of("--all", "--yes"));
    }
}
