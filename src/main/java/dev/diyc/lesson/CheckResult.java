package dev.diyc.lesson;

/**
 * A check's verdict. For a failure, {@code expected} is the failed expectation's sentence, in words a
 * learner reads beside {@code seen}, the value the probe read.
 */
public record CheckResult(String say, boolean passed, String expected, String seen) {}
