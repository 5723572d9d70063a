package dev.diyc.cgroup;

import java.util.Locale;

/**
 * Memory sizes as learners type them for a limit ({@code 100M}, {@code 64m}, {@code 1G},
 * {@code 100000000}), read the way the kernel's memparse reads them: K, M, G, T are powers of 1024,
 * in either case. {@code max} and {@code -1} mean no limit.
 */
public final class Sizes {
    /** No limit: v1 writes it as -1, v2 as max. */
    public static final long UNLIMITED = -1;

    private Sizes() {}

    /** @throws IllegalArgumentException with a one-line reason a learner can act on */
    public static long parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("max") || s.equals("-1")) {
            return UNLIMITED;
        }
        int shift = 0;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                case 't' -> shift = 40;
                default -> shift = 0;
            }
        }
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write bytes (33554432), or with K, M, G (32M, 1G), or max");
        }
        long n = Long.parseLong(digits);
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return n << shift;
    }

    /** A count such as pids.max: a number, or max (and -1, v1's habit for "no limit"). */
    public static long parseCount(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("max") || s.equals("-1")) {
            return UNLIMITED;
        }
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 18) {
            throw new IllegalArgumentException("'" + text + "' is not a count: write a number such as 20, or max");
        }
        return Long.parseLong(s);
    }

    /** 33554432 as a learner reads it: 32M. Exact multiples only, else plain bytes. */
    public static String human(long bytes) {
        if (bytes == UNLIMITED) {
            return "max";
        }
        String[] units = {"T", "G", "M", "K"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes > 0 && bytes % (1L << shifts[i]) == 0) {
                return (bytes >> shifts[i]) + units[i];
            }
        }
        return Long.toString(bytes);
    }
}
