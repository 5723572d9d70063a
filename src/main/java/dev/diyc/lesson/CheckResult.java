package dev.diyc.lesson;

/** A check's verdict, with what it expected and what it saw when it failed. */
public record CheckResult(String say, boolean passed, String expected, String seen) {}
