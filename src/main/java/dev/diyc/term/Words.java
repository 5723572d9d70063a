package dev.diyc.term;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a line into words the way sh does for a simple command: quotes, backslashes, and
 * {@code $NAME} / {@code ${NAME}} from the given variables (unknown ones expand to nothing, as in sh).
 * Returns null for a line that needs a real shell: pipes, redirections, lists, substitutions.
 */
public final class Words {
    private static final String OPERATORS = "|&;<>()`";

    private Words() {}

    public static List<String> split(String line, Map<String, String> vars) {
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
                        j = variable(line, j, vars, cur);
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
                i = variable(line, i, vars, cur);
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
    private static int variable(String line, int at, Map<String, String> vars, StringBuilder into) {
        int i = at + 1;
        boolean braced = i < line.length() && line.charAt(i) == '{';
        int start = braced ? i + 1 : i;
        int end = start;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        if (end == start) {
            into.append('$');
            return at + 1;
        }
        into.append(vars.getOrDefault(line.substring(start, end), ""));
        if (braced) {
            return end < line.length() && line.charAt(end) == '}' ? end + 1 : end;
        }
        return end;
    }
}
