package dev.diyc.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A scripted-mode transcript, cut into each echoed line and the output that followed it. */
public final class Transcript {
    private static final Pattern PROMPT = Pattern.compile("^(ctr|host)(\\[\\d+\\])?> (.*)$");

    public record Entry(String prompt, String line, String output) {}

    private final List<Entry> entries = new ArrayList<>();

    public Transcript(String text) {
        String prompt = null;
        String line = null;
        StringBuilder out = new StringBuilder();
        for (String l : text.lines().toList()) {
            var m = PROMPT.matcher(l);
            if (m.matches()) {
                if (line != null) {
                    entries.add(new Entry(prompt, line, out.toString()));
                }
                prompt = l.substring(0, l.length() - m.group(3).length());
                line = m.group(3);
                out.setLength(0);
            } else if (line != null) {
                out.append(l).append('\n');
            }
        }
        if (line != null) {
            entries.add(new Entry(prompt, line, out.toString()));
        }
    }

    /** The output of the n-th (0-based) occurrence of a line. */
    public String output(String line, int occurrence) {
        int seen = 0;
        for (Entry e : entries) {
            if (e.line().equals(line) && seen++ == occurrence) {
                return e.output();
            }
        }
        throw new AssertionError("the transcript has no line '" + line + "' (#" + occurrence + ")");
    }

    public String output(String line) {
        return output(line, 0);
    }

    public String promptOf(String line) {
        for (Entry e : entries) {
            if (e.line().equals(line)) {
                return e.prompt();
            }
        }
        throw new AssertionError("the transcript has no line '" + line + "'");
    }
}
