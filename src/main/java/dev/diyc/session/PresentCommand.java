package dev.diyc.session;

import dev.diyc.term.UserError;
import java.util.List;

/**
 * {@code present}: presenter mode, for an instructor demoing to a room. Each key types the next
 * character of the step's next line, Enter runs it; Escape or Ctrl-P hands the keyboard back and
 * takes it again; {@code present off} ends it.
 */
public final class PresentCommand extends DeclaredCommand {
    static final WrittenHelp HELP = new WrittenHelp("present [off]",
            "Presenter mode: each key you hit types the next character of the step's next line (its commands, views, check, next), "
                    + "Enter runs it. Esc or Ctrl-P hands you the keyboard to type freely, and again gives it back to the autopilot "
                    + "(so does present); present off ends it. The status line says which. ./diyc notes in a second terminal "
                    + "shows your speaker notes and what comes next.",
            "present");

    private final Presenting presenter;
    private final String refusal;

    /** @param presenter the line reader's presenter mode, or null where there is none: refusal says why */
    public PresentCommand(Presenting presenter, String refusal) {
        super(Scope.SESSION, Group.LESSONS, HELP, "present");
        this.presenter = presenter;
        this.refusal = refusal;
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return Candidates.of(List.of("off"));
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        String arg = call.args().strip();
        if (presenter == null) {
            throw new UserError(refusal);
        }
        if (arg.equals("off")) {
            presenter.stop();
            engine.console().say("presenter mode is off: the keyboard is yours");
        } else if (arg.isEmpty()) {
            presenter.start();
            engine.console().say("presenter mode: any key types the next line, Enter runs it; "
                    + "Esc or Ctrl-P to type freely and back; present off to end");
        } else {
            throw new UserError("present takes nothing (start, or back to the autopilot) or off");
        }
        return Outcome.OK;
    }
}
