package dev.diyc.explain;

import java.nio.file.Path;
import java.util.List;

/**
 * One thing {@code explain} can explain, as its file describes it (see lessons/explain/FORMAT.md).
 * Optional parts are empty, never null: {@code signature} is "" for anything but a syscall.
 */
public record Topic(String name, List<String> aliases, Kind kind, String summary, String text, String signature,
        List<Flag> flags, List<Failure> errors, List<String> see, List<String> posts, Path file) {

    /** What sort of thing the topic is; the topic list is grouped by it, in this order. */
    public enum Kind {
        SYSCALL("syscall", "System calls"),
        CONCEPT("concept", "Concepts"),
        FILE("file", "Files"),
        COMMAND("command", "Commands");

        private final String word;
        private final String heading;

        Kind(String word, String heading) {
            this.word = word;
            this.heading = heading;
        }

        /** The spelling used in topic files: {@code kind: syscall}. */
        public String word() {
            return word;
        }

        public String heading() {
            return heading;
        }

        /** The kind a file names, or null for a word that is none of them. */
        public static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** A flag or option of the call, and what it does. */
    public record Flag(String name, String meaning) {}

    /** An errno the call can fail with, and what usually causes it. */
    public record Failure(String errno, String meaning) {}
}
