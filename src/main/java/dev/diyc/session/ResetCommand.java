package dev.diyc.session;

import dev.diyc.lesson.Tutor;
import dev.diyc.term.UserError;
import java.util.List;

/**
 * {@code reset [step | --all [--yes]]}: a fresh container and the lesson from its first step, the
 * current step from its start, or all progress forgotten.
 */
final class ResetCommand extends DeclaredCommand {
    private static final WrittenHelp HELP = new WrittenHelp("reset [step | --all [--yes]]",
            "A fresh container and the current lesson from its first step; reset step starts only the current step again"
                    + " (the steps before it replayed); --all forgets all progress.", "reset step");

    private final Tutor tutor;

    ResetCommand(Tutor tutor) {
        super(Scope.SESSION, Group.LESSONS, HELP, "reset");
        this.tutor = tutor;
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        switch (call.args().strip()) {
            case "" -> tutor.reset();
            case "step" -> tutor.resetStep();
            case "--all --yes", "--yes --all" -> tutor.resetAll();
            case "--all" -> {
                if (!engine.confirm("forget all progress (every lesson, every passed step)?")) {
                    engine.console().say("nothing forgotten (reset --all --yes skips the question)");
                    return Outcome.OK;
                }
                tutor.resetAll();
            }
            default -> throw new UserError("reset takes nothing (the lesson), step (this step), --all, or --all --yes");
        }
        return Outcome.OK;
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return Candidates.of(List.of("step", "--all", "--yes"));
    }
}
