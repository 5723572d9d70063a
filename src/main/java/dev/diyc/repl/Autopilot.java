package dev.diyc.repl;

import java.util.List;

/**
 * What the presenter's keys type: the current step's presented lines, in order, one character per
 * key (doitlive's way: the room sees typing, the presenter never makes a typo). It follows the step:
 * a new step brings its own lines; a line run as the autopilot typed it moves on to the next, one
 * typed by hand leaves the autopilot where it was.
 */
final class Autopilot {
    private String step = "";
    private List<String> lines = List.of();
    private int done;

    /** @param step which step the lines are for ({@code LESSON.STEP}); the same step keeps its place */
    void follow(String step, List<String> lines) {
        if (!step.equals(this.step)) {
            this.step = step;
            this.lines = List.copyOf(lines);
            this.done = 0;
        }
    }

    /** The line the next keys type, or null once the step's lines are all run. */
    String nextLine() {
        return done < lines.size() ? lines.get(done) : null;
    }

    int done() {
        return done;
    }

    /** A line was run: if it was the autopilot's, the next one is up. */
    void ran(String line) {
        String next = nextLine();
        if (next != null && line.strip().equals(next.strip())) {
            done++;
        }
    }

    /**
     * What one key adds to the line being edited: the next character of the autopilot's line, or
     * nothing when the line is typed out or the presenter typed something else there by hand.
     */
    String keyPressed(String buffer) {
        String next = nextLine();
        if (next == null || buffer.length() >= next.length() || !next.startsWith(buffer)) {
            return "";
        }
        return next.substring(buffer.length(), next.offsetByCodePoints(buffer.length(), 1));
    }
}
