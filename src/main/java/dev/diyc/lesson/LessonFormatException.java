package dev.diyc.lesson;

/** A lesson file that does not follow lessons/FORMAT.md; the message names the file, step and field. */
public final class LessonFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LessonFormatException(String message) {
        super(message);
    }
}
