package dev.diyc.lesson;

import java.util.regex.Pattern;

/**
 * What a check expects of the value its probe reads, one record per key of lessons/FORMAT.md. Each
 * judges an {@link Observed} value and, for a failed check, says what it expected in words a learner
 * reads in the "expected" column, beside the value seen: never a pattern, never a key's name.
 */
sealed interface Expectation {
    boolean holds(Observed seen);

    /**
     * What was expected, for the learner: a first line of words, and after it the lines of a value to
     * set beside the value seen when there is one ({@code equals} is all value).
     */
    String sentence(Observed seen);

    /** Whether the checker must read the same probe in the host context before judging. */
    default boolean comparesWithHost() {
        return false;
    }

    /**
     * The label, then the value on lines of its own: the label fits the report's narrow column, and
     * the value lines up line by line beside the value seen, so the report marks the lines that differ.
     */
    private static String labelled(String label, String value) {
        return label + ":\n" + (value == null || value.isEmpty() ? "nothing" : value);
    }

    /** {@code equals: X}: the value is X, surrounding blank space ignored (the loader strips X). */
    record Equals(String value) implements Expectation {
        public boolean holds(Observed seen) {
            return seen.value().equals(value);
        }

        public String sentence(Observed seen) {
            return value.isEmpty() ? "nothing" : value; // the value itself, so the columns line up line by line
        }
    }

    /** {@code contains: X}. */
    record Contains(String text) implements Expectation {
        public boolean holds(Observed seen) {
            return seen.value().contains(text);
        }

        public String sentence(Observed seen) {
            return "“" + text + "” somewhere in it";
        }
    }

    /** {@code not_contains: X}. */
    record NotContains(String text) implements Expectation {
        public boolean holds(Observed seen) {
            return !seen.value().contains(text);
        }

        public String sentence(Observed seen) {
            return "no “" + text + "” anywhere in it";
        }
    }

    /**
     * {@code matches: REGEX}, multiline. A pattern means nothing to a learner, so its sentence is the
     * check's {@code means:} (what the pattern looks for, in words) or else its {@code say:}.
     */
    record Matches(Pattern pattern, String meaning) implements Expectation {
        public boolean holds(Observed seen) {
            return pattern.matcher(seen.value()).find();
        }

        public String sentence(Observed seen) {
            return meaning;
        }
    }

    /** {@code lines: N}: N lines that are not blank. */
    record LineCount(int count) implements Expectation {
        public boolean holds(Observed seen) {
            return lines(seen.value()) == count;
        }

        public String sentence(Observed seen) {
            String want = count == 0 ? "nothing" : count == 1 ? "exactly one line" : "exactly " + count + " lines";
            int saw = lines(seen.value());
            return count == 0 ? want : want + " (there " + (saw == 1 ? "is 1" : "are " + saw) + ")";
        }

        private static int lines(String s) {
            return (int) s.lines().filter(l -> !l.isBlank()).count();
        }
    }

    /** {@code differs_from_host: true}. */
    record DiffersFromHost() implements Expectation {
        public boolean holds(Observed seen) {
            return !seen.value().equals(seen.host());
        }

        public String sentence(Observed seen) {
            return labelled("something other than the host's", seen.host());
        }

        @Override
        public boolean comparesWithHost() {
            return true;
        }
    }

    /** {@code same_as_host: true}. */
    record SameAsHost() implements Expectation {
        public boolean holds(Observed seen) {
            return seen.value().equals(seen.host());
        }

        public String sentence(Observed seen) {
            return labelled("the same as the host's", seen.host());
        }

        @Override
        public boolean comparesWithHost() {
            return true;
        }
    }

    /** {@code unchanged: true}: what the probe read when the lesson began; holds when there was no reading then. */
    record Unchanged() implements Expectation {
        public boolean holds(Observed seen) {
            return seen.atStart() == null || seen.atStart().equals(seen.value());
        }

        public String sentence(Observed seen) {
            return labelled("what it was when the lesson began", seen.atStart());
        }
    }
}
