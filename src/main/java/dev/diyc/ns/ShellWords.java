package dev.diyc.ns;

import dev.diyc.term.Words;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The words of a line for one of diyc's native commands, expanded as the context's shell would expand
 * them. diyc expands its own variables ({@code $CTR}) itself; a line that also names one only the
 * shell knows ({@code $PPID}, {@code $HOME}, {@code $$}) asks that shell, in one round trip, to expand
 * the words and print them: never to run the command, which would run the real program (util-linux's
 * unshare) instead of diyc's. The words go to {@code printf} in a subshell, so an expansion that
 * assigns ({@code ${X:=y}}) changes nothing; {@link Words} has refused every line with an operator or a
 * substitution, so nothing else runs.
 */
public final class ShellWords {
    /** The first word printed, so that a shell that printed something else is not believed. */
    private static final String SENTINEL = "diyc-words";

    private ShellWords() {}

    /** @return the words, or null for a line that needs a real shell (as {@link Words#split}) */
    public static List<String> split(Context ctx, String line, Map<String, String> vars) {
        List<String> words = Words.split(line, vars);
        if (words == null || Words.foreignVariables(line, vars).isEmpty() || !ctx.shell().alive()) {
            return words;
        }
        List<String> expanded = parse(ctx.capture("(printf '%s\\0' " + SENTINEL + " " + line + ") 2>/dev/null; echo"));
        return expanded == null ? words : expanded;
    }

    /** What printf printed: the sentinel and each word, each ended by a NUL, then echo's newline. */
    static List<String> parse(String printed) {
        String head = SENTINEL + "\0";
        if (!printed.startsWith(head) || !printed.endsWith("\n")) {
            return null;
        }
        String rest = printed.substring(head.length(), printed.length() - 1);
        if (rest.isEmpty()) {
            return List.of();
        }
        return rest.endsWith("\0") ? Arrays.asList(rest.substring(0, rest.length() - 1).split("\0", -1)) : null;
    }
}
