package dev.diyc.lesson;

import java.util.Optional;

/** What {@code next} leads to from where the learner is: {@link Course#next()} decides, the tutor acts. */
sealed interface NextMove {
    /** No lesson is open: {@code next} opens the first unfinished one, as {@code lesson next} does. */
    record FirstUnfinished() implements NextMove {}

    /** The current step has not passed yet: {@code next} checks it first, and moves only if it passes. */
    record CheckFirst() implements NextMove {}

    /** On to a later step of the open lesson. */
    record ToStep(Lesson lesson, int step) implements NextMove {}

    /** The last step passed: the lesson is finished, and {@code following} (if any) is the one after it. */
    record Finish(Lesson lesson, Optional<Lesson> following) implements NextMove {}
}
