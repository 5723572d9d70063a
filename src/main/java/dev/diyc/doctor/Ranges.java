package dev.diyc.doctor;

import java.util.ArrayList;
import java.util.List;

/** Lesson numbers as a person writes them: "0-5, 7-12", "every lesson", "no lesson yet". */
final class Ranges {
    private Ranges() {}

    static String of(List<Integer> numbers, int lessonCount) {
        if (numbers.isEmpty()) {
            return "no lesson yet";
        }
        if (numbers.size() == lessonCount && lessonCount > 1) {
            return "every lesson";
        }
        List<String> parts = new ArrayList<>();
        int from = numbers.get(0), to = from;
        for (int n : numbers.subList(1, numbers.size())) {
            if (n == to + 1) {
                to = n;
                continue;
            }
            parts.add(part(from, to));
            from = to = n;
        }
        parts.add(part(from, to));
        return (numbers.size() == 1 ? "lesson " : "lessons ") + String.join(", ", parts);
    }

    private static String part(int from, int to) {
        return from == to ? Integer.toString(from) : to == from + 1 ? from + ", " + to : from + "-" + to;
    }
}
