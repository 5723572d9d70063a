package dev.diyc.view;

import dev.diyc.term.Console;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two columns that fit the terminal: the host's view on the left, the container's on the right. A
 * line that the other side does not have is highlighted (or marked with {@code ≠} in plain text).
 */
public final class SideBySide {
    private static final String HILITE = "\033[1;33m", RESET = "\033[0m";

    private SideBySide() {}

    public static void print(Console console, String leftTitle, List<String> left, String rightTitle, List<String> right) {
        int width = console.width();
        int col = Math.max(12, (width - 3) / 2);
        Set<String> inLeft = new HashSet<>(left.stream().map(String::strip).toList());
        Set<String> inRight = new HashSet<>(right.stream().map(String::strip).toList());
        console.plain(cell(leftTitle, col, false, false) + " │ " + rightTitle);
        console.plain("─".repeat(col) + "─┼─" + "─".repeat(Math.max(0, Math.min(col, width - col - 3))));
        int rows = Math.max(left.size(), right.size());
        for (int i = 0; i < rows; i++) {
            String l = i < left.size() ? left.get(i) : "";
            String r = i < right.size() ? right.get(i) : "";
            boolean lDiff = i < left.size() && !inRight.contains(l.strip());
            boolean rDiff = i < right.size() && !inLeft.contains(r.strip());
            console.plain(cell(l, col, lDiff, console.color()) + " │ " + cell(r, width - col - 3, rDiff, console.color()).stripTrailing());
        }
    }

    /** Pads or cuts a line to exactly {@code width} visible characters, marking a difference. */
    static String cell(String s, int width, boolean differs, boolean color) {
        String text = s.replace("\t", "    ");
        int room = width - 2;
        if (text.length() > room) {
            text = text.substring(0, Math.max(0, room - 1)) + "…";
        }
        String padded = String.format("%-" + room + "s", text);
        String mark = differs ? "≠ " : "  ";
        return differs && color ? HILITE + mark + padded + RESET : mark + padded;
    }
}
