package dev.diyc.session;

import dev.diyc.ns.Context;
import dev.diyc.term.Console;
import java.util.List;

/**
 * One command as typed.
 *
 * @param line the line from the command's name on (after host or ctr, when one was named)
 * @param args what follows the command's name, as typed
 * @param words the line split as the native commands read it ($VARS expanded), name first; empty for
 *     SESSION and LINE commands, which read {@code args} their own way
 * @param context where it runs: the one named before it, or the prompt's
 * @param contextNamed whether the line named its context ({@code ctr exit}) rather than leaving it to the prompt
 * @param console where it prints: the session's console, or a capture when a view reads its output
 */
public record Call(String line, String args, List<String> words, Context context, boolean contextNamed, Console console) {
    /** The words after the command's name. */
    public List<String> argWords() {
        return words.isEmpty() ? words : words.subList(1, words.size());
    }
}
