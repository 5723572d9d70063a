package dev.diyc.term;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping that keeps leading indentation (lesson text uses it for commands). */
public final class Wrap {
    private Wrap() {}

    public static List<String> lines(String s, int width) {
        List<String> out = new ArrayList<>();
        String indent = s.substring(0, s.length() - s.stripLeading().length());
        StringBuilder cur = new StringBuilder(indent);
        for (String word : s.strip().split(" +")) {
            if (cur.length() > indent.length() && cur.length() + 1 + word.length() > width) {
                out.add(cur.toString());
                cur = new StringBuilder(indent);
            }
            if (cur.length() > indent.length()) {
                cur.append(' ');
            }
            cur.append(word);
        }
        out.add(cur.toString());
        return out;
    }
}
