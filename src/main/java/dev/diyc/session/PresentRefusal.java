package dev.diyc.session;

import dev.diyc.term.UserError;
import java.util.List;

/** {@code present} in scripted mode: the autopilot types on key presses, and a script has no keyboard. */
final class PresentRefusal implements Command {
    @Override
    public List<String> names() {
        return List.of("present");
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
        return new WrittenHelp("present [off]", "Presenter mode, on a terminal: each key types the next character of the step's next line.",
                "present");
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        throw new UserError("present types a step's lines as you hit keys; scripted mode has no keyboard: the script's lines run as written");
    }
}
