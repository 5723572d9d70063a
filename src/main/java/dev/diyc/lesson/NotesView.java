package dev.diyc.lesson;

import dev.diyc.term.Console;
import java.util.List;

/**
 * What {@code diyc notes} shows the presenter and not the room: where the session is, the step's
 * speaker notes, the lines still to come (the autopilot's next one marked) and the checks with
 * their state as the last {@code check} left them.
 */
public final class NotesView {
    private NotesView() {}

    public static void print(Console console, Whereabouts w, List<Lesson> lessons) {
        console.heading("diyc notes · the session of PID " + w.pid() + " (slot " + w.slot() + ") · presenter mode "
                + w.mode());
        Lesson l = lessons.stream().filter(x -> x.number() == w.lesson()).findFirst().orElse(null);
        if (l == null) {
            console.plain("no lesson open yet: lesson next opens the first one");
            return;
        }
        int stepNumber = Math.min(Math.max(w.step(), 1), l.steps().size());
        Lesson.Step s = l.steps().get(stepNumber - 1);
        console.plain("Lesson " + l.number() + " · " + l.title());
        console.heading("Step " + stepNumber + "/" + l.steps().size() + " · " + s.title());
        console.plain("");
        if (s.notes().isBlank()) {
            console.say("no speaker notes for this step (notes: in " + l.file().getFileName() + ")");
        } else {
            console.text(s.notes());
        }
        console.plain("");
        console.heading("Still to come");
        List<String> lines = s.presented(stepNumber == l.steps().size());
        int done = w.mode().equals("off") ? 0 : Math.min(w.typed(), lines.size());
        for (int i = done; i < lines.size(); i++) {
            console.plain((i == done ? "  ▶ " : "    ") + lines.get(i));
        }
        if (done == lines.size()) {
            console.plain("    (nothing: the step's lines have all run)");
        }
        console.plain("");
        console.heading("Checks");
        for (int i = 0; i < s.checks().size(); i++) {
            String say = s.checks().get(i).say();
            if (i >= w.checks().size()) {
                console.plain("  · " + say + " (not checked yet)");
            } else if (w.checks().get(i)) {
                console.ok(say);
            } else {
                console.fail(say);
            }
        }
        if (s.checks().isEmpty()) {
            console.plain("  (none at this step)");
        }
    }
}
