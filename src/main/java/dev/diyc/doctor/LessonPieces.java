package dev.diyc.doctor;

import dev.diyc.lesson.Lesson;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pieces each lesson needs: the pieces every lesson needs, this table for lessons 0-12, and the
 * words of the lesson's own {@code needs:} (root or user-namespaces, then anything a newer lesson asks
 * for, such as overlayfs). A lesson 15 that writes {@code needs: [root, overlayfs]} is checked
 * without a change here.
 */
final class LessonPieces {
    /** Every session copies the image into a playground before any lesson starts. */
    static final Set<Piece> EVERY_LESSON = EnumSet.of(Piece.ROOTFS, Piece.DISK_SPACE);

    /** What the lessons use beyond their needs: words, read from what their steps do. */
    static final Map<Integer, Set<Piece>> BY_LESSON = Map.of(
            3, EnumSet.of(Piece.PROCFS_PIDNS), // unshare --mount-proc, mount -t proc
            6, EnumSet.of(Piece.LEARNER, Piece.UTIL_LINUX), // ctr su $LEARNER; unshare --user through util-linux, nsenter
            7, EnumSet.of(Piece.SESSION_SLOT), // links diyc-h7/diyc-c7, 10.200.7.x
            8, EnumSet.of(Piece.NAT, Piece.SESSION_SLOT), // the MASQUERADE rule; a bridge and two containers
            10, EnumSet.of(Piece.CGROUP_LIMITS), // cgcreate -g memory,pids
            11, EnumSet.of(Piece.CGROUP_LIMITS, Piece.UTIL_LINUX), // cgclassify, then unshare --cgroup as a helper
            // run --memory --pids --net, on an overlay root
            12, EnumSet.of(Piece.CGROUP_LIMITS, Piece.UTIL_LINUX, Piece.SESSION_SLOT, Piece.PROCFS_PIDNS, Piece.OVERLAYFS));

    private LessonPieces() {}

    /** A lesson's pieces, and the words of its needs: that name no piece (a typo, or a piece of a newer diyc). */
    record Needs(Set<Piece> pieces, List<String> unknownWords) {}

    static Needs of(Lesson l) {
        Set<Piece> pieces = EnumSet.copyOf(EVERY_LESSON);
        pieces.addAll(BY_LESSON.getOrDefault(l.number(), Set.of()));
        List<String> unknown = new ArrayList<>();
        for (String word : l.needWords()) {
            Piece.byWord(word).ifPresentOrElse(pieces::add, () -> unknown.add(word));
        }
        return new Needs(pieces, unknown);
    }
}
