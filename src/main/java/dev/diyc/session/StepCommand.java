package dev.diyc.session;

import dev.diyc.term.UserError;
import java.util.List;
import java.util.function.BooleanSupplier;

/** {@code step}, {@code check}, {@code hint}, {@code next}: the tutor's commands on the current step, which take no arguments. */
final class StepCommand extends DeclaredCommand {
    private final BooleanSupplier action;

    /** @param action the tutor's method; false when the step did not pass */
    StepCommand(String name, WrittenHelp help, BooleanSupplier action) {
        super(Scope.SESSION, Group.LESSONS, help, name);
        this.action = action;
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        if (!call.args().isBlank()) {
            throw new UserError(name() + " takes no arguments (it works on the current step)");
        }
        return action.getAsBoolean() ? Outcome.OK : Outcome.FAILED;
    }
}
