package dev.diyc.ns;

import dev.diyc.term.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * What util-linux's {@code unshare --time --monotonic S --boottime S} asks of a new time namespace:
 * how far its CLOCK_MONOTONIC and CLOCK_BOOTTIME run ahead of the host's, in whole seconds (0: not
 * asked for). They are written to /proc/TID/timens_offsets once, before the namespace's first process.
 */
public record TimeOffsets(long monotonic, long boottime) {
    public static final TimeOffsets NONE = new TimeOffsets(0, 0);

    /** util-linux's spelling, for a message: seconds as a whole number, signed. */
    public static TimeOffsets of(String monotonic, String boottime) {
        return new TimeOffsets(seconds("--monotonic", monotonic), seconds("--boottime", boottime));
    }

    private static long seconds(String option, String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UserError("unshare: " + option + " takes whole seconds, e.g. " + option + " 86400 (a day); not '" + text + "'");
        }
    }

    public boolean isNone() {
        return monotonic == 0 && boottime == 0;
    }

    /**
     * The writes to timens_offsets, one per clock as util-linux makes them, in the form the file reads
     * back in ({@code boottime 86400 0}: the clock, seconds, nanoseconds).
     */
    public List<String> writes() {
        List<String> w = new ArrayList<>();
        if (monotonic != 0) {
            w.add("monotonic " + monotonic + " 0");
        }
        if (boottime != 0) {
            w.add("boottime " + boottime + " 0");
        }
        return w;
    }

    /** util-linux's own options, for its unshare as a helper. */
    public List<String> options() {
        List<String> o = new ArrayList<>();
        if (monotonic != 0) {
            o.addAll(List.of("--monotonic", Long.toString(monotonic)));
        }
        if (boottime != 0) {
            o.addAll(List.of("--boottime", Long.toString(boottime)));
        }
        return o;
    }
}
