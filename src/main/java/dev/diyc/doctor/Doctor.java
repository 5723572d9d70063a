package dev.diyc.doctor;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code diyc doctor}: whether every lesson can run on this machine, and the one command that fixes
 * each piece that is missing. It only reads (files under /proc, /sys and /etc, PATH, statfs): it
 * changes nothing, takes no session slot and makes no cgroup.
 */
public final class Doctor {
    public static final int READY = 0, NOT_READY = 1;

    private Doctor() {}

    /** Prints the report for this machine; returns {@link #READY} when every lesson can run. */
    public static int run(Path home, boolean json, int width, boolean color, PrintStream out) {
        Report r = check(Machine.thisOne(home));
        out.print(json ? JsonReport.of(r) : TextReport.of(r, width, color));
        out.flush();
        return r.allReady() ? READY : NOT_READY;
    }

    public static Report check(Machine m) {
        List<Lesson> lessons;
        List<String> problems;
        try {
            LessonLoader.Loaded loaded = LessonLoader.loadAll(m.home().resolve("lessons"));
            lessons = loaded.lessons();
            problems = loaded.problems();
        } catch (IOException e) {
            lessons = List.of();
            problems = List.of("cannot read " + m.home().resolve("lessons") + ": " + e.getMessage());
        }
        return Checkup.run(m, lessons, problems);
    }
}
