package dev.diyc.session;

import dev.diyc.term.UserError;
import java.util.List;
import java.util.function.BooleanSupplier;

/** {@code step}, {@code check}, {@code hint}, {@code next}: the tutor's commands on the current step, which take no arguments. */
final class StepCommand implements Command {
    private final String name;
    private final WrittenHelp help;
    private final BooleanSupplier action;

    /** @param action the tutor's method; false when the step did not pass */
    StepCommand(String name, WrittenHelp help, BooleanSupplier action) {
        this.name = name;
        this.help = help;
        this.action = action;
    }

    @Override
    public List<String> names() {
        return List.of(name);
    }

    @Override
    public Scope scope() {
        return Scope.SESSION;
    }

    @Override
    public Group group() {
        return Group.LESSONS;
    }

    @Override
    public CommandHelp help() {
        return help;
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        if (!call.args().isBlank()) {
            throw new UserError(name + " takes no arguments (it works on the current step)");
        }
        return action.getAsBoolean() ? Outcome.OK : Outcome.FAILED;
    }
}
