package dev.diyc.doctor;

import java.util.ArrayList;
import java.util.List;

/** A fix that is a shell command, laid out so that it can be pasted whole at any width. */
final class Commands {
    private Commands() {}

    /** Commands start with what one types; other fixes ("boot a kernel with ...") are prose. */
    static boolean isCommand(String fix) {
        return fix.matches("(sudo|su|echo) .*");
    }

    /** Split at spaces outside single quotes: a break inside quotes would change what the command says. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : command.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == ' ' && !quoted) {
                if (cur.length() > 0) {
                    words.add(cur.toString());
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            words.add(cur.toString());
        }
        return words;
    }

    /** The command on one line if it fits, else broken at spaces, each line but the last ending in " \". */
    static List<String> lines(String command, String indent, int width) {
        List<String> lines = new ArrayList<>();
        if (indent.length() + command.length() <= width) {
            lines.add(indent + command);
            return lines;
        }
        String more = indent + "  ";
        StringBuilder cur = new StringBuilder(indent);
        int start = indent.length();
        for (String word : words(command)) {
            if (cur.length() > start && cur.length() + 1 + word.length() + 2 > width) {
                lines.add(cur.append(" \\").toString());
                cur = new StringBuilder(more);
                start = more.length();
            }
            if (cur.length() > start) {
                cur.append(' ');
            }
            cur.append(word);
        }
        lines.add(cur.toString());
        return lines;
    }
}
