package dev.diyc.doctor;

import dev.diyc.term.Wrap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report as a table for a person: a row per lesson, under each lesson that cannot run the pieces
 * it lacks with the one command that fixes each, then what the machine has, piece by piece. Fits
 * the width it is given (60 columns and up); a command too long for it is broken with a shell
 * continuation, so it can still be pasted whole.
 */
public final class TextReport {
    private static final String GREEN = "\033[32m", RED = "\033[31m", BOLD = "\033[1m", RESET = "\033[0m";

    private final int width;
    private final boolean color;
    private final List<String> out = new ArrayList<>();
    /** The lesson under which each missing piece's fix was printed first. */
    private final Map<Piece, Integer> shown = new EnumMap<>(Piece.class);

    private TextReport(int width, boolean color) {
        this.width = Math.max(40, width);
        this.color = color;
    }

    public static String of(Report r, int width, boolean color) {
        TextReport t = new TextReport(width, color);
        t.render(r);
        return String.join("\n", t.out) + "\n";
    }

    private void render(Report r) {
        wrap("diyc doctor: can every lesson run on this machine (Linux " + r.kernel() + ")?", "");
        out.add("");
        int idWidth = Math.max(6, r.lessons().stream().mapToInt(l -> l.id().length()).max().orElse(6));
        out.add(paint(BOLD, String.format(" %2s  %-" + idWidth + "s  %s", "#", "lesson", "ready")));
        for (LessonRow row : r.lessons()) {
            out.add(String.format(" %2d  %-" + idWidth + "s  ", row.number(), row.id())
                    + (row.ready() ? paint(GREEN, "yes") : paint(RED, "NO")));
            for (Finding f : row.missing()) {
                Integer first = shown.putIfAbsent(f.piece(), row.number());
                if (first != null) { // one fix serves many lessons: printed in full once
                    wrap(f.piece().label() + ": the fix under lesson " + first, "     - ");
                    continue;
                }
                wrap(f.piece().label() + ": " + f.found(), "     - ");
                fix(f.fix(), "         "); // deeper than the prose above it, so the command stands out
            }
            for (String word : row.unknownNeeds()) {
                wrap("needs: " + word + " names nothing doctor checks (lessons/FORMAT.md lists the words)", "     - ");
            }
        }
        for (String broken : r.brokenLessonFiles()) {
            wrap("lesson file skipped: " + broken, " " + paint(RED, "NO") + " ");
        }
        out.add("");
        out.add(paint(BOLD, "What this machine has (and the lessons that need it):"));
        for (Finding f : r.pieces()) {
            out.add("  " + (f.ok() ? paint(GREEN, "ok") : paint(RED, "NO")) + "  " + f.piece().label() + " (" + Ranges.of(r.lessonsNeeding(f.piece()), r.lessons().size()) + ")");
            wrap(f.found(), "      ");
        }
        out.add("");
        List<String> notReady = r.lessons().stream().filter(l -> !l.ready()).map(l -> Integer.toString(l.number())).toList();
        if (r.allReady()) {
            wrap(paint(GREEN, "Ready: every lesson can run here."), "");
        } else if (r.lessons().isEmpty()) {
            wrap(paint(RED, "Not ready: no lesson loaded from lessons/."), "");
        } else {
            wrap(paint(RED, "Not ready:") + " " + (notReady.isEmpty() ? "a lesson file does not load"
                    : (notReady.size() == 1 ? "lesson " : "lessons ") + String.join(", ", notReady) + " cannot run here yet")
                    + "; run the commands above, then ./diyc doctor again.", "");
        }
    }

    /** Prose, wrapped at the width under a first-line prefix; later lines indented to match it. */
    private void wrap(String text, String prefix) {
        String indent = " ".repeat(visible(prefix).length());
        List<String> lines = Wrap.lines(indent + text, width);
        for (int i = 0; i < lines.size(); i++) {
            out.add(i == 0 ? prefix + lines.get(i).substring(indent.length()) : lines.get(i));
        }
    }

    /** A command stays one pasteable command: broken at spaces with " \" when too wide; anything else is prose. */
    private void fix(String fix, String indent) {
        if (!Commands.isCommand(fix)) {
            wrap(fix, indent);
            return;
        }
        out.addAll(Commands.lines(fix, indent, width));
    }

    private String paint(String code, String s) {
        return color ? code + s + RESET : s;
    }

    private static String visible(String s) {
        return s.replaceAll("\033\\[[0-9;]*m", "");
    }
}
