package dev.diyc.lesson;

import dev.diyc.progress.StateDir;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where a running REPL is in the lessons, for {@code diyc notes} in a second terminal: a few lines in
 * the learner's state directory ({@code session-N}, N the session slot), rewritten whole (a rename) after
 * every line and every change of presenter mode, removed at exit. Notes only reads it, so it can
 * never disturb the session; a file whose process is gone or whose slot is free is a crash's leftover
 * and is ignored.
 *
 * @param mode off, autopilot or free (presenter mode with the keyboard handed back)
 * @param typed how many of the step's presented lines the autopilot has run
 * @param checks the last check's verdicts for this step, empty before it was checked
 */
public record Whereabouts(long pid, int slot, int lesson, int step, String mode, int typed, List<Boolean> checks) {
    private static final String PREFIX = "session-";

    /** The session's place now: its tutor's lesson and step, the autopilot's progress. */
    public static Whereabouts of(Tutor tutor, String mode, int typed) {
        Lesson l = tutor == null ? null : tutor.current();
        return new Whereabouts(ProcessHandle.current().pid(), SessionSlot.current().number(), l == null ? -1 : l.number(),
                l == null ? 0 : tutor.progress().step(), mode, typed, tutor == null ? List.of()
                        : tutor.lastCheck().stream().map(CheckResult::passed).toList());
    }

    public void write(StateDir dir) throws IOException {
        dir.create();
        Path file = dir.file(PREFIX + slot);
        Path tmp = dir.file("." + PREFIX + slot + ".tmp");
        Files.writeString(tmp, "pid=" + pid + "\nslot=" + slot + "\nlesson=" + lesson + "\nstep=" + step + "\nmode=" + mode
                + "\ntyped=" + typed + "\nchecks=" + String.join(",", checks.stream().map(b -> b ? "passed" : "failed").toList())
                + "\n", StandardCharsets.UTF_8);
        dir.own(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void remove(StateDir dir, int slot) {
        try {
            Files.deleteIfExists(dir.file(PREFIX + slot));
        } catch (IOException e) {
            // a leftover is ignored by readers: its process is gone
        }
    }

    /** The live session that moved last, if any runs on this machine for this state directory. */
    public static Optional<Whereabouts> live(StateDir dir) throws IOException {
        if (!Files.isDirectory(dir.dir())) {
            return Optional.empty();
        }
        String sockets = Files.readString(Path.of("/proc/net/unix"));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.dir())) {
            files = new ArrayList<>(s.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+")).toList());
        }
        files.sort(Comparator.comparing(Whereabouts::modified).reversed());
        for (Path f : files) {
            Optional<Whereabouts> w = read(f);
            if (w.isPresent() && Files.isDirectory(Path.of("/proc", Long.toString(w.get().pid())))
                    && sockets.contains("@" + SessionSlot.SOCKET_PREFIX + w.get().slot() + "\n")) {
                return w;
            }
        }
        return Optional.empty();
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static Optional<Whereabouts> read(Path file) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file)));
            String checks = p.getProperty("checks", "");
            return Optional.of(new Whereabouts(Long.parseLong(p.getProperty("pid")), Integer.parseInt(p.getProperty("slot")),
                    Integer.parseInt(p.getProperty("lesson")), Integer.parseInt(p.getProperty("step")), p.getProperty("mode", "off"),
                    Integer.parseInt(p.getProperty("typed", "0")),
                    checks.isEmpty() ? List.of() : Arrays.stream(checks.split(",")).map("passed"::equals).toList()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone meanwhile, or a crash's half-written leftover
        }
    }
}
