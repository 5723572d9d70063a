package dev.diyc.term;

import java.util.ArrayList;
import java.util.List;

/**
 * A long strace-style line cut for a terminal at its argument boundaries, after a {@code ", "} or a
 * flag's {@code |}, or before the {@code " = "} of the result, never inside a quoted string; later
 * lines are indented. A
 * terminal would cut it at its last column, mid-token. A piece that has no boundary within the width
 * (a long string) is left whole for the terminal.
 */
public final class CallLines {
    /** How far the lines after the first are indented: enough to see they continue it. */
    public static final int INDENT = 4;

    private CallLines() {}

    public static List<String> wrap(String line, int width) {
        List<String> out = new ArrayList<>();
        if (line.length() <= width) {
            out.add(line);
            return out;
        }
        List<String> pieces = pieces(line);
        StringBuilder cur = new StringBuilder();
        for (String p : pieces) {
            String piece = cur.length() == 0 && !out.isEmpty() ? p.stripLeading() : p;
            if (cur.length() > 0 && cur.length() + piece.length() > width) {
                out.add(cur.toString().stripTrailing());
                cur = new StringBuilder(" ".repeat(INDENT));
                piece = p.stripLeading();
            } else if (cur.length() == 0 && !out.isEmpty()) {
                cur.append(" ".repeat(INDENT));
            }
            cur.append(piece);
        }
        out.add(cur.toString());
        return out;
    }

    /** The line cut after every {@code ", "} and {@code |} and before {@code " = "}, outside double quotes. */
    static List<String> pieces(String line) {
        List<String> out = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && line.startsWith(", ", i)) {
                out.add(line.substring(start, i + 2));
                start = i + 2;
                i++;
            } else if (!quoted && c == '|') { // between flags, when a list of them is wider than the line
                out.add(line.substring(start, i + 1));
                start = i + 1;
            } else if (!quoted && line.startsWith(" = ", i) && i > start) {
                out.add(line.substring(start, i));
                start = i;
                i += 2;
            }
        }
        out.add(line.substring(start));
        return out;
    }
}
