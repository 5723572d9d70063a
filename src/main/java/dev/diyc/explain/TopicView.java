package dev.diyc.explain;

import dev.diyc.term.Console;
import dev.diyc.term.Wrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints topics through the Console, wrapped to the terminal's width. Colour comes only from
 * Console.heading, so a pipe or a script gets plain text.
 */
public final class TopicView {
    /** The name column of the flag and error tables never grows past this; a longer name gets a line of its own. */
    private static final int MAX_NAME_COLUMN = 18;
    /** The seed posts by number (README.md), so a learner sees which post, not just a number. */
    private static final Map<String, String> POSTS = Map.of(
            "000", "Containers are not real",
            "001", "Building a Container With Syscalls",
            "002", "DIY Linux Containers",
            "003", "How Containers Work",
            "004", "Deep-dive into Containerization");

    private TopicView() {}

    public static void show(Console c, Topic t) {
        c.heading(t.name() + " (" + t.kind().word() + ")");
        wrapped(c, "", "", t.summary());
        if (!t.signature().isEmpty()) {
            c.plain("");
            wrapped(c, "    ", "        ", t.signature());
        }
        c.plain("");
        for (String block : blocks(t.text())) {
            if (block.isEmpty()) {
                c.plain("");
            } else {
                wrapped(c, "", "", block);
            }
        }
        if (!t.flags().isEmpty()) {
            c.plain("");
            c.heading("Flags");
            table(c, t.flags().stream().map(f -> new String[] {f.name(), f.meaning()}).toList());
        }
        if (!t.errors().isEmpty()) {
            c.plain("");
            c.heading("Errors");
            table(c, t.errors().stream().map(e -> new String[] {e.errno(), e.meaning()}).toList());
        }
        if (!t.see().isEmpty() || !t.posts().isEmpty()) {
            c.plain("");
        }
        if (!t.see().isEmpty()) {
            wrapped(c, "See also: ", "          ", String.join(", ", t.see()));
        }
        if (!t.posts().isEmpty()) {
            List<String> posts = t.posts().stream()
                    .map(p -> POSTS.containsKey(p) ? p + " \"" + POSTS.get(p) + "\"" : p).toList();
            wrapped(c, "Posts:    ", "          ", String.join(", ", posts));
        }
    }

    /** The topics grouped by kind, one aligned line each: name and summary. */
    public static void list(Console c, Topics topics) {
        int column = Math.min(22, topics.all().stream().mapToInt(t -> t.name().length()).max().orElse(0) + 2);
        boolean first = true;
        for (Topic.Kind kind : Topic.Kind.values()) {
            List<Topic> group = topics.all().stream().filter(t -> t.kind() == kind).toList();
            if (group.isEmpty()) {
                continue;
            }
            if (!first) {
                c.plain("");
            }
            first = false;
            c.heading(kind.heading());
            for (Topic t : group) {
                row(c, "  ", t.name(), column, t.summary());
            }
        }
        c.plain("");
        c.say("explain NAME tells more about one of these " + topics.size() + "; any spelling works (explain mount propagation, explain CLONE_NEWPID)");
    }

    private static void table(Console c, List<String[]> rows) {
        int column = Math.min(MAX_NAME_COLUMN, rows.stream().mapToInt(r -> r[0].length()).max().orElse(0)) + 2;
        for (String[] r : rows) {
            row(c, "  ", r[0], column, r[1]);
        }
    }

    /** {@code indent name   meaning}, the meaning wrapped under itself; a name too long for the column gets its own line. */
    private static void row(Console c, String indent, String name, int column, String meaning) {
        String hanging = indent + " ".repeat(column);
        String oneLine = meaning.strip().replaceAll("\\s+", " ");
        if (name.length() + 1 > column) {
            c.plain(indent + name);
            wrapped(c, hanging, hanging, oneLine);
        } else {
            wrapped(c, indent + name + " ".repeat(column - name.length()), hanging, oneLine);
        }
    }

    /** Word-wraps one line of text to the terminal, with a prefix on the first line and another on the rest. */
    private static void wrapped(Console c, String first, String rest, String s) {
        if (first.length() + s.length() < c.width()) {
            c.plain(first + s); // as written: Wrap would squeeze the spaces that align a code line
            return;
        }
        int room = Math.max(20, c.width() - Math.max(first.length(), rest.length()) - 1);
        List<String> lines = Wrap.lines(s, room);
        for (int i = 0; i < lines.size(); i++) {
            c.plain((i == 0 ? first : rest) + lines.get(i));
        }
    }

    /**
     * A topic's text as blocks to print: the lines of a paragraph joined into one (so it can be
     * rewrapped to any width), an indented line kept as it is (a command or code), and "" for the
     * blank line between paragraphs.
     */
    static List<String> blocks(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
                if (para.length() > 0) {
                    out.add(para.toString());
                    para.setLength(0);
                }
                if (line.isBlank()) {
                    if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
                        out.add("");
                    }
                } else {
                    out.add(line.stripTrailing());
                }
            } else {
                para.append(para.length() > 0 ? " " : "").append(line.strip());
            }
        }
        if (para.length() > 0) {
            out.add(para.toString());
        }
        return out;
    }
}
