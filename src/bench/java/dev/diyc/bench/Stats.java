package dev.diyc.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of durations in nanoseconds, in milliseconds: medians, not means, on a noisy machine. */
final class Stats {
    private Stats() {}

    static double median(List<Long> ns) {
        return pct(ns, 50);
    }

    static double pct(List<Long> ns, int p) {
        List<Long> s = new ArrayList<>(ns);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, s.size() * p / 100)) / 1e6;
    }

    /** "median 12.34 ms (p10 11.00, p90 15.00)" */
    static String summary(List<Long> ns) {
        return String.format("median %.2f ms (p10 %.2f, p90 %.2f)", median(ns), pct(ns, 10), pct(ns, 90));
    }
}
