package dev.diyc.explain;

/** A topic file that does not follow lessons/explain/FORMAT.md; the message names the file and field. */
public final class TopicFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TopicFormatException(String message) {
        super(message);
    }
}
