package dev.diyc.term;

import java.util.regex.Pattern;

/**
 * Something that reads along with the terminal: a recording gets the text exactly as shown, a
 * transcript gets it as plain text with its kind. Called on the printing thread, inside the
 * console's lock: keep it quick (append, never block on I/O that can stall).
 */
public interface Tap {
    /** CSI sequences (colour, cursor) and the few other escapes a command's output may carry. */
    Pattern ESCAPES = Pattern.compile("\033(\\[[0-?]*[ -/]*[@-~]|\\][^\007\033]*(\007|\033\\\\)|[@-Z\\\\-_])");

    /** Text as the terminal got it, escape codes included, in pieces as they come. */
    default void shown(String text) {}

    /** The same, one printed thing at a time, as plain text. */
    default void printed(ConsoleKind kind, String plain) {}

    /** Text without its escape codes. */
    static String plain(String text) {
        return text.indexOf('\033') < 0 ? text : ESCAPES.matcher(text).replaceAll("");
    }
}
