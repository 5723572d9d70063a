package dev.diyc.repl;

import dev.diyc.lesson.Tutor;
import dev.diyc.session.Engine;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/** {@code lesson 3 · step 2/6 · ctr PID 4242} (after presenter mode's state when on) at the bottom of terminals that can show it; nothing elsewhere. */
final class StatusLine {
    private final Status status;

    StatusLine(Terminal terminal, boolean dumb) {
        this.status = dumb ? null : Status.getStatus(terminal);
    }

    /** @param presenting what presenter mode is doing, first on the line; null when it is off */
    void show(Engine e, String presenting) {
        if (status == null) {
            return;
        }
        Tutor t = e.tutor();
        String where = t == null ? null : t.status();
        String ctr = String.join(" · ", e.lab().containers().stream()
                .map(c -> c.sharesEverything() ? c.name() + " shares the host's namespaces" : c.name() + " PID " + c.pid()).toList());
        String line = (where == null ? "no lesson open" : where) + " · " + ctr;
        status.update(List.of(new AttributedString(presenting == null ? line : presenting + " · " + line)));
    }

    void clear() {
        if (status != null) {
            status.update(List.of());
        }
    }
}
