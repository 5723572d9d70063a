package dev.diyc.doctor;

import java.util.List;

/**
 * What doctor found: every piece (in {@link Piece} order), a row per lesson, and the lesson files
 * that did not load (a lesson that does not load cannot run, so it makes the room not ready).
 */
public record Report(String kernel, List<Finding> pieces, List<LessonRow> lessons, List<String> brokenLessonFiles) {
    public Report {
        pieces = List.copyOf(pieces);
        lessons = List.copyOf(lessons);
        brokenLessonFiles = List.copyOf(brokenLessonFiles);
    }

    public boolean allReady() {
        return !lessons.isEmpty() && brokenLessonFiles.isEmpty() && lessons.stream().allMatch(LessonRow::ready);
    }

    /** The lessons that need a piece, by number. */
    public List<Integer> lessonsNeeding(Piece p) {
        return lessons.stream().filter(r -> r.needs().contains(p)).map(LessonRow::number).toList();
    }
}
