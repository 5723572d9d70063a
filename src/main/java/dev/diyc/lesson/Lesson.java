package dev.diyc.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A lesson as its file describes it (see lessons/FORMAT.md). */
public record Lesson(int number, String id, String title, List<String> posts, String intro, List<Step> steps,
        String outro, Path file, String needs) {
    /** What a lesson needs by default: root, as most namespaces do. */
    public static final String ROOT = "root";
    /** What lesson 6 needs instead: user namespaces that ordinary users may create. */
    public static final String USER_NAMESPACES = "user-namespaces";

    public boolean needsRoot() {
        return needWords().get(0).equals(ROOT);
    }

    /** The words of {@code needs:}, root or user-namespaces first, then anything else it needs from the host (lessons/FORMAT.md). */
    public List<String> needWords() {
        return List.of(needs.split(" "));
    }

    /** @param notes what the instructor's {@code diyc notes} shows beside the step, never the room; "" when none */
    public record Step(String title, String text, List<Command> commands, List<String> show, List<Check> checks, String hint,
            String notes) {
        public Step(String title, String text, List<Command> commands, List<String> show, List<Check> checks, String hint) {
            this(title, text, commands, show, checks, hint, null);
        }

        /**
         * What an instructor types to present the step, in order: its commands, its views, then check and
         * next (and, after a lesson's last step, lesson next). The autopilot types these.
         */
        public List<String> presented(boolean last) {
            List<String> lines = new ArrayList<>();
            commands.forEach(c -> lines.add(c.line()));
            lines.addAll(show);
            lines.addAll(List.of("check", "next"));
            if (last) {
                lines.add("lesson next");
            }
            return lines;
        }
    }

    /** A REPL line the learner types; {@code fails} marks a failure the step shows on purpose. */
    public record Command(String line, boolean fails) {}

    /**
     * An observation of real state: a probe read in a context, and what it must be (every expectation,
     * in file order). {@code fix} is what to do when it fails, in words with the command (or "" when
     * the step's hint says it), for the first {@code hint} after that failure. {@code settles}: a
     * failure is read again until it holds, within the checker's bound (its probe's kind says, or the
     * file for a {@code run:} or {@code status:} command that only reads).
     */
    public record Check(String say, String in, ProbeSpec probe, List<Expectation> expect, String fix, boolean settles) {}
}
