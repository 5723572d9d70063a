package dev.diyc.lesson;

/**
 * What the checker read for one check, stripped: the value in the check's context, the same probe
 * in the host context (null unless an expectation compares with the host) and the value when the
 * lesson began (null unless the lesson has an {@code unchanged} check on it).
 */
record Observed(String value, String host, String atStart) {
    static Observed of(String value) {
        return new Observed(value, null, null);
    }
}
