package dev.diyc.doctor;

import dev.diyc.ns.Learner;

/**
 * Lesson 6 run as root is lived as an ordinary user ({@code ctr su $LEARNER}); without one, root has
 * nobody to become. Run as that user, diyc needs no one else.
 */
final class LearnerCheck {
    private LearnerCheck() {}

    static Finding check(Machine m) {
        if (m.uid() != 0) {
            return Finding.ok(Piece.LEARNER, "you: lesson 6 runs as you");
        }
        return Learner.find(m.env(), 0)
                .map(l -> Finding.ok(Piece.LEARNER, l.name() + " (uid " + l.uid() + ")"))
                .orElse(Finding.missing(Piece.LEARNER, "no ordinary user (uid 1000 and up, with a login shell)",
                        "sudo useradd -m -s /bin/bash learner"));
    }
}
