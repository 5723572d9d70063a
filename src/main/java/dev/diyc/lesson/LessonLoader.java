package dev.diyc.lesson;

import dev.diyc.data.YamlFields;
import dev.diyc.ns.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads lessons/*.yaml and checks each against the format, naming the file, step and field at fault. */
public final class LessonLoader {
    private static final YamlFields YAML = new YamlFields(LessonFormatException::new);
    /** A check's keys besides its expectations. */
    private static final Set<String> CHECK_FIELDS = Set.of("say", "in", "probe", "means", "fix", "settles");

    private LessonLoader() {}

    /** The lessons that load, and one line per file that does not (a broken file never stops diyc). */
    public record Loaded(List<Lesson> lessons, List<String> problems) {}

    public static Loaded loadAll(Path dir) throws IOException {
        return loadAll(dir, UnaryOperator.identity());
    }

    /** @param rename turns the names and addresses written in the files into this session's ({@link SessionSlot}) */
    public static Loaded loadAll(Path dir, UnaryOperator<String> rename) throws IOException {
        List<Lesson> lessons = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    lessons.add(load(f, rename));
                } catch (LessonFormatException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        lessons.sort(Comparator.comparingInt(Lesson::number));
        for (int i = 1; i < lessons.size(); i++) {
            if (lessons.get(i).number() == lessons.get(i - 1).number()) {
                problems.add(lessons.get(i).file().getFileName() + ": lesson number " + lessons.get(i).number()
                        + " is also used by " + lessons.get(i - 1).file().getFileName() + "; skipped");
                lessons.remove(i--);
            }
        }
        return new Loaded(List.copyOf(lessons), List.copyOf(problems));
    }

    public static Lesson load(Path file) throws IOException {
        return load(file, UnaryOperator.identity());
    }

    public static Lesson load(Path file, UnaryOperator<String> rename) throws IOException {
        String where = file.getFileName().toString();
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().build()).loadFromString(rename.apply(Files.readString(file)));
        } catch (YamlEngineException e) {
            throw new LessonFormatException(where + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, Object> m = YAML.map(doc, where);
        List<Lesson.Step> steps = new ArrayList<>();
        List<Object> rawSteps = YAML.list(m.get("steps"), where + ": steps");
        if (rawSteps.isEmpty()) {
            throw new LessonFormatException(where + ": a lesson needs at least one step");
        }
        for (int i = 0; i < rawSteps.size(); i++) {
            steps.add(step(rawSteps.get(i), where + ": step " + (i + 1)));
        }
        Object number = m.get("lesson");
        if (!(number instanceof Number n)) {
            throw new LessonFormatException(where + ": 'lesson' must be the lesson's number");
        }
        List<String> posts = YAML.list(m.getOrDefault("posts", List.of()), where + ": posts").stream().map(String::valueOf).toList();
        String needs = needs(m.getOrDefault("needs", Lesson.ROOT), where);
        return new Lesson(n.intValue(), YAML.str(m, "id", where), YAML.str(m, "title", where), posts, YAML.str(m, "intro", where),
                List.copyOf(steps), YAML.optional(m, "outro", where), file, needs);
    }

    /**
     * {@code needs:} is a word or a list of words: root (the default) or user-namespaces first, then what
     * else the lesson needs from the host (overlayfs, seccomp...), which {@code diyc doctor} checks; kept
     * as one space-separated string, the privilege word first.
     */
    private static String needs(Object raw, String where) {
        List<String> words = new ArrayList<>();
        for (Object o : raw instanceof List<?> l ? l : List.of(raw)) {
            for (String w : String.valueOf(o).split("[\\s,]+")) {
                if (!w.isEmpty() && !words.contains(w)) {
                    words.add(w);
                }
            }
        }
        for (String w : words) {
            if (!w.matches("[a-z][a-z0-9-]*")) {
                throw new LessonFormatException(where + ": 'needs' takes words like root, user-namespaces or overlayfs, not " + w);
            }
        }
        boolean root = words.remove(Lesson.ROOT), user = words.remove(Lesson.USER_NAMESPACES);
        if (root && user) {
            throw new LessonFormatException(where + ": 'needs' names " + Lesson.ROOT + " or " + Lesson.USER_NAMESPACES + ", not both");
        }
        words.add(0, user ? Lesson.USER_NAMESPACES : Lesson.ROOT);
        return String.join(" ", words);
    }

    private static Lesson.Step step(Object raw, String where) {
        Map<String, Object> s = YAML.map(raw, where);
        List<Lesson.Command> commands = new ArrayList<>();
        for (Object c : YAML.list(s.getOrDefault("commands", List.of()), where + ": commands")) {
            if (c instanceof String line) {
                commands.add(new Lesson.Command(line, false));
            } else {
                Map<String, Object> cm = YAML.map(c, where + ": a command");
                commands.add(new Lesson.Command(YAML.str(cm, "cmd", where + ": a command"), Boolean.TRUE.equals(cm.get("fails"))));
            }
        }
        List<String> show = YAML.list(s.getOrDefault("show", List.of()), where + ": show").stream().map(String::valueOf).toList();
        List<Lesson.Check> checks = new ArrayList<>();
        List<Object> rawChecks = YAML.list(s.getOrDefault("checks", List.of()), where + ": checks");
        for (int i = 0; i < rawChecks.size(); i++) {
            checks.add(check(rawChecks.get(i), where + ": check " + (i + 1)));
        }
        return new Lesson.Step(YAML.str(s, "title", where), YAML.str(s, "text", where), List.copyOf(commands), show,
                List.copyOf(checks), YAML.str(s, "hint", where), YAML.optional(s, "notes", where));
    }

    private static Lesson.Check check(Object raw, String where) {
        Map<String, Object> c = YAML.map(raw, where);
        String in = String.valueOf(c.getOrDefault("in", "ctr"));
        if (!Lab.isContextName(in)) {
            throw new LessonFormatException(where + ": 'in' must be host, ctr or ctr2 ... ctr9, not " + in);
        }
        ProbeSpec probe;
        try {
            probe = ProbeSpec.parse(YAML.str(c, "probe", where));
        } catch (IllegalArgumentException e) {
            throw new LessonFormatException(where + ": " + e.getMessage());
        }
        for (String key : c.keySet()) {
            if (!ExpectationParser.KEYS.contains(key) && !CHECK_FIELDS.contains(key)) {
                throw new LessonFormatException(where + ": unknown key '" + key + "' (expectations: " + ExpectationParser.KEYS + ")");
            }
        }
        String say = YAML.str(c, "say", where);
        String means = YAML.optional(c, "means", where);
        List<Expectation> expect = new ArrayList<>();
        for (var e : c.entrySet()) {
            if (ExpectationParser.KEYS.contains(e.getKey())) {
                try {
                    expect.add(ExpectationParser.parse(e.getKey(), e.getValue(), means.isBlank() ? say : means));
                } catch (IllegalArgumentException x) {
                    throw new LessonFormatException(where + ": " + x.getMessage());
                }
            }
        }
        if (expect.isEmpty()) {
            throw new LessonFormatException(where + ": a check needs an expectation (" + ExpectationParser.KEYS + ")");
        }
        if (!means.isBlank() && expect.stream().noneMatch(Expectation.Matches.class::isInstance)) {
            throw new LessonFormatException(where + ": 'means' says what a 'matches' pattern looks for, and this check has none");
        }
        return new Lesson.Check(say, in, probe, List.copyOf(expect), YAML.optional(c, "fix", where).strip(), settles(c, probe, where));
    }

    /** Whether the check waits for its state: its kind decides, or for a command the file's {@code settles: true}. */
    private static boolean settles(Map<String, Object> c, ProbeSpec probe, String where) {
        if (!c.containsKey("settles")) {
            return probe.kind().settles() == ProbeKind.Settles.YES;
        }
        if (!Boolean.TRUE.equals(c.get("settles"))) {
            throw new LessonFormatException(where + ": 'settles' is true or absent, not " + c.get("settles"));
        }
        if (probe.kind().settles() != ProbeKind.Settles.IF_DECLARED) {
            throw new LessonFormatException(where + ": 'settles' is for a run: or status: command that only reads; "
                    + probe.kind().fileName() + " knows by itself whether it waits");
        }
        return true;
    }
}
