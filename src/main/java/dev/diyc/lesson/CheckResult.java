package dev.diyc.lesson;

/**
 * A check's verdict. For a failure, {@code expected} is the failed expectation's sentence, in words a
 * learner reads beside {@code seen}, the value the probe read; {@code fix} is the check's own advice
 * for that failure ("" when it has none).
 */
public record CheckResult(String say, boolean passed, String expected, String seen, String fix) {
    public CheckResult(String say, boolean passed, String expected, String seen) {
        this(say, passed, expected, seen, "");
    }
}
