package dev.diyc.term;

/**
 * A mistake or a refusal a learner should read as one clear line: what was wrong and what to try.
 * Never shown with a stack trace.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
