package dev.diyc.term;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one way diyc writes words into a line for sh: every place that builds a shell line (a REPL line
 * handed to a context's shell, the lifeline's undo lines, a program shown as "diyc runs: ...") quotes
 * through here, so a word holding a space, a quote or a {@code $} reaches the program as one word, as
 * typed.
 */
public final class ShellQuote {
    /** Words made only of these need no quotes, and read better without. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,+@%-]+");

    private ShellQuote() {}

    /** One word for sh: {@code it's} becomes {@code 'it'\''s'}, the empty word {@code ''}. */
    public static String word(String w) {
        return PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'";
    }

    /** Words joined into one line that sh splits back into exactly these words. */
    public static String line(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word(w));
        }
        return b.toString();
    }
}
