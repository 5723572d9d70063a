package dev.diyc.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The progress file: small, human-readable, safe to edit or delete.
 *
 * <pre>
 * # diyc progress: where you are and which steps passed their check.
 * current: 3.2
 * passed: 2.1 2.2 2.3 2.4 2.5 3.1
 * </pre>
 *
 * <p>It is written (to a temporary file, then renamed) after each passed check and each move, so
 * nothing is lost when diyc or the machine stops. A file diyc cannot read is set aside, never fatal.
 */
public final class ProgressStore {
    private final StateDir state;
    private final Path file;

    public ProgressStore(StateDir state) {
        this.state = state;
        this.file = state.file("progress");
    }

    public Path file() {
        return file;
    }

    /** @param warn gets one line when the file was unreadable and set aside */
    public Progress load(Consumer<String> warn) {
        if (!Files.exists(file)) {
            return Progress.fresh();
        }
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException | IllegalArgumentException e) {
            Path aside = file.resolveSibling("progress.unreadable-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                warn.accept("your progress file could not be read (" + e.getMessage() + "); it was set aside as "
                        + aside + " and you start afresh");
            } catch (IOException moveFailed) {
                warn.accept("your progress file " + file + " could not be read (" + e.getMessage()
                        + ") nor set aside; progress will not be saved this time");
            }
            return new Progress(-1, 0, List.of(), false);
        }
    }

    static Progress parse(List<String> lines) {
        int lesson = -1;
        int step = 0;
        List<String> passed = new ArrayList<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("line " + n + " is not 'key: value'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "current" -> {
                    if (!value.isEmpty()) {
                        int[] ls = lessonStep(value, n);
                        lesson = ls[0];
                        step = ls[1];
                    }
                }
                case "passed" -> {
                    for (String s : value.isEmpty() ? new String[0] : value.split("\\s+")) {
                        lessonStep(s, n);
                        passed.add(s);
                    }
                }
                default -> throw new IllegalArgumentException("line " + n + ": unknown key '" + key + "'");
            }
        }
        return new Progress(lesson, step, passed, false);
    }

    private static int[] lessonStep(String s, int line) {
        if (!s.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("line " + line + ": '" + s + "' is not LESSON.STEP");
        }
        String[] p = s.split("\\.");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    /** Writes atomically and hands the file to the learner; a failure is reported, never fatal. */
    public void save(Progress p, Consumer<String> warn) {
        String text = "# diyc progress: where you are and which steps passed their check.\n"
                + "# Safe to edit; delete it to start over.\n"
                + "current: " + (p.lesson() < 0 ? "" : p.lesson() + "." + p.step()) + "\n"
                + "passed: " + String.join(" ", p.passedSteps()) + "\n";
        try {
            state.create();
            Path tmp = file.resolveSibling("progress.tmp");
            Files.writeString(tmp, text);
            state.own(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            warn.accept("could not save your progress to " + file + ": " + e.getMessage());
        }
    }

    /** {@code reset --all}: the file goes; the next start is a first start. */
    public void forgetAll() throws IOException {
        Files.deleteIfExists(file);
    }
}
