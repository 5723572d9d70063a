package dev.diyc.doctor;

import java.util.List;
import java.util.Set;

/**
 * One lesson's verdict.
 *
 * @param file the lesson file's name
 * @param needs every piece the lesson needs
 * @param missing the findings for the pieces it needs and this machine lacks
 * @param unknownNeeds words of its {@code needs:} that name no piece doctor knows
 */
public record LessonRow(int number, String id, String file, Set<Piece> needs, List<Finding> missing, List<String> unknownNeeds) {
    public LessonRow {
        needs = Set.copyOf(needs);
        missing = List.copyOf(missing);
        unknownNeeds = List.copyOf(unknownNeeds);
    }

    public boolean ready() {
        return missing.isEmpty() && unknownNeeds.isEmpty();
    }
}
