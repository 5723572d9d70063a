package dev.diyc.session;

import dev.diyc.term.UserError;
import java.util.List;
import java.util.Set;

/**
 * Programs that draw on a terminal ({@code top}, {@code vi}, {@code less}...) cannot run in a
 * context's shell, which has none: instead of their own cryptic failure ({@code top: failed tty
 * get}), the learner is pointed to {@code shell}, which hands this terminal to a shell in the container.
 */
final class FullScreen {
    private static final Set<String> PROGRAMS = Set.of("top", "htop", "vi", "vim", "nano", "less", "more", "man", "watch");

    private FullScreen() {}

    /** Refuses the line when it starts one of those programs (top's batch mode, {@code -b}, prints without a terminal). */
    static void refuse(List<String> words, String context) {
        if (words == null || words.isEmpty() || !PROGRAMS.contains(words.get(0))) {
            return;
        }
        String name = words.get(0);
        if (name.equals("top") && words.stream().anyMatch(w -> w.matches("-\\w*b\\w*"))) {
            return;
        }
        String way = context.equals("host") ? "run it in a terminal of its own, outside diyc"
                : "shell" + (context.equals("ctr") ? "" : " " + context) + " opens a shell in the container on this terminal (exit comes back)";
        throw new UserError(name + " draws on a terminal, and diyc runs " + context + "'s lines without one: " + way
                + (name.equals("top") ? "; top -b -n 1 prints the list once, here" : ""));
    }
}
