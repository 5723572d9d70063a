package dev.diyc.lesson;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds an {@link Expectation} from a check's key and value in a lesson file, refusing what would fail only later, in front of a learner. */
final class ExpectationParser {
    /** The keys of lessons/FORMAT.md's expectations table, in its order. */
    static final List<String> KEYS = List.of("equals", "contains", "not_contains", "matches", "lines",
            "differs_from_host", "same_as_host", "unchanged");
    /** What to write instead of {@code KEY: false}, which the format does not have. */
    private static final Map<String, String> OPPOSITE = Map.of("differs_from_host", "same_as_host",
            "same_as_host", "differs_from_host");

    private ExpectationParser() {}

    /**
     * @param meaning what a {@code matches} pattern looks for, in words: the check's {@code means:}, else its {@code say:}
     * @throws IllegalArgumentException with a one-line reason, for the loader to prefix with file, step and check
     */
    static Expectation parse(String key, Object value, String meaning) {
        return switch (key) {
            case "equals" -> new Expectation.Equals(text(key, value).strip());
            case "contains" -> new Expectation.Contains(text(key, value));
            case "not_contains" -> new Expectation.NotContains(text(key, value));
            case "matches" -> new Expectation.Matches(pattern(text(key, value)), meaning);
            case "lines" -> new Expectation.LineCount(count(value));
            case "differs_from_host" -> flag(key, value, new Expectation.DiffersFromHost());
            case "same_as_host" -> flag(key, value, new Expectation.SameAsHost());
            case "unchanged" -> flag(key, value, new Expectation.Unchanged());
            default -> throw new IllegalArgumentException("unknown key '" + key + "' (expectations: " + KEYS + ")");
        };
    }

    private static String text(String key, Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("'" + key + "' needs a text value");
        }
        return String.valueOf(value);
    }

    private static Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex, Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'matches' is not a valid pattern: " + e.getDescription() + " near index "
                    + e.getIndex() + " of " + regex);
        }
    }

    private static int count(Object value) {
        if (value instanceof Integer n && n >= 0) {
            return n;
        }
        try {
            int n = Integer.parseInt(String.valueOf(value).strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what a count looks like
        }
        throw new IllegalArgumentException("'lines' must be a number of lines, 0 or more, not " + value);
    }

    private static Expectation flag(String key, Object value, Expectation e) {
        if (!Boolean.TRUE.equals(value)) {
            String instead = OPPOSITE.containsKey(key) ? " (for the opposite, write " + OPPOSITE.get(key) + ": true)" : "";
            throw new IllegalArgumentException("'" + key + "' takes only true, not " + value + instead);
        }
        return e;
    }
}
