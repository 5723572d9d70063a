package dev.diyc.term;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Splits a line into words the way sh does for a simple command: quotes, backslashes, and
 * {@code $NAME} / {@code ${NAME}} from the given variables (unknown ones expand to nothing, as in sh).
 * Returns null for a line that needs a real shell: pipes, redirections, lists, substitutions.
 * Special parameters ({@code $$}, {@code $?}) stay as typed.
 */
public final class Words {
    private static final String OPERATORS = "|&;<>()`";
    /** The special parameters after a '$' that are not a name: only a shell knows their values. */
    private static final String SPECIAL = "$?!#-@*";

    private Words() {}

    public static List<String> split(String line, Map<String, String> vars) {
        return split(line, vars, name -> {});
    }

    /**
     * The variables a line expands that {@code vars} does not hold ({@code PPID}, {@code $} for
     * {@code $$}, {@code 1}), outside single quotes: only the shell knows what they are.
     */
    public static Set<String> foreignVariables(String line, Map<String, String> vars) {
        Set<String> foreign = new LinkedHashSet<>();
        split(line, vars, foreign::add);
        return foreign;
    }

    private static List<String> split(String line, Map<String, String> vars, Consumer<String> foreign) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (cur != null) {
                    words.add(cur.toString());
                    cur = null;
                }
                i++;
                continue;
            }
            if (cur == null) {
                cur = new StringBuilder();
            }
            if (OPERATORS.indexOf(c) >= 0 || (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(')) {
                return null;
            }
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return null; // let the shell report the unterminated quote
                }
                cur.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < line.length()) {
                        cur.append(line.charAt(j + 1));
                        j += 2;
                    } else if (line.charAt(j) == '$') {
                        j = variable(line, j, vars, cur, foreign);
                    } else if (line.charAt(j) == '`') {
                        return null;
                    } else {
                        cur.append(line.charAt(j++));
                    }
                }
                if (j >= line.length()) {
                    return null;
                }
                i = j + 1;
            } else if (c == '$') {
                i = variable(line, i, vars, cur, foreign);
            } else {
                cur.append(c);
                i++;
            }
        }
        if (cur != null) {
            words.add(cur.toString());
        }
        return words;
    }

    /** Expands the variable at {@code at} (a '$') into {@code into}; returns the index after it. */
    private static int variable(String line, int at, Map<String, String> vars, StringBuilder into, Consumer<String> foreign) {
        int i = at + 1;
        boolean braced = i < line.length() && line.charAt(i) == '{';
        int start = braced ? i + 1 : i;
        int end = start;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        if (end == start) {
            if (!braced && i < line.length() && SPECIAL.indexOf(line.charAt(i)) >= 0) {
                foreign.accept(String.valueOf(line.charAt(i)));
                into.append('$').append(line.charAt(i));
                return i + 1;
            }
            into.append('$');
            return at + 1;
        }
        String name = line.substring(start, end);
        if (!vars.containsKey(name)) {
            foreign.accept(name);
        }
        into.append(vars.getOrDefault(name, ""));
        if (braced) {
            return end < line.length() && line.charAt(end) == '}' ? end + 1 : end;
        }
        return end;
    }
}
