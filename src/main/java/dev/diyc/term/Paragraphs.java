package dev.diyc.term;

import java.util.ArrayList;
import java.util.List;

/**
 * Text as written in a file, hard-wrapped at some width, back into the lines a reader should see:
 * the lines of a paragraph joined into one (to be wrapped again at the terminal's width), a blank line
 * kept, and an indented line (a command, a table) kept as it is.
 */
public final class Paragraphs {
    private Paragraphs() {}

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder para = null;
        for (String line : text.split("\n", -1)) {
            boolean flows = !line.isBlank() && !line.startsWith(" ") && !line.startsWith("\t");
            if (flows && para != null) {
                para.append(' ').append(line.strip());
                continue;
            }
            if (para != null) {
                out.add(para.toString());
                para = null;
            }
            if (flows) {
                para = new StringBuilder(line.strip());
            } else {
                out.add(line.isBlank() ? "" : line);
            }
        }
        if (para != null) {
            out.add(para.toString());
        }
        return out;
    }
}
