package dev.diyc.term;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The recordings and transcripts reading along with a console: each gets the text as shown, and as plain words with its kind. */
final class Taps {
    private final List<Tap> taps = new CopyOnWriteArrayList<>();

    void add(Tap t) {
        taps.add(t);
    }

    void remove(Tap t) {
        taps.remove(t);
    }

    /** The text as the console means it: plain, with what kind of text it is (a call, a check, output...). */
    void printed(ConsoleKind kind, String text) {
        if (taps.isEmpty()) {
            return;
        }
        String plain = Tap.plain(text);
        for (Tap t : taps) {
            t.printed(kind, plain);
        }
    }

    /** The text exactly as the terminal gets it, escape codes included. */
    void shown(String text) {
        for (Tap t : taps) {
            t.shown(text);
        }
    }
}
