package dev.diyc.lesson;

import dev.diyc.ns.Lab;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Evaluates checks against the real state of the host and the container. */
public final class Checker {
    private final Lab lab;
    /** Probe values read when the lesson started, for {@code unchanged}. */
    private final Map<String, String> baseline = new HashMap<>();

    public Checker(Lab lab) {
        this.lab = lab;
    }

    /** Records the starting values of every probe the lesson's {@code unchanged} checks will compare. */
    public void baseline(Lesson lesson) {
        baseline.clear();
        for (Lesson.Step s : lesson.steps()) {
            for (Lesson.Check c : s.checks()) {
                if (c.expect().containsKey("unchanged")) {
                    baseline.put(key(c), read(c.in(), c.probe()));
                }
            }
        }
    }

    private static String key(Lesson.Check c) {
        return c.in() + "\0" + c.probe();
    }

    private String read(String in, String probe) {
        return Probe.read(probe, lab.context(in)).strip();
    }

    public CheckResult check(Lesson.Check c) {
        String seen = read(c.in(), c.probe());
        for (var e : c.expect().entrySet()) {
            String want = String.valueOf(e.getValue());
            String failure = switch (e.getKey()) {
                case "equals" -> seen.equals(want.strip()) ? null : "equal to: " + want.strip();
                case "contains" -> seen.contains(want) ? null : "containing: " + want;
                case "not_contains" -> !seen.contains(want) ? null : "not containing: " + want;
                case "matches" -> Pattern.compile(want, Pattern.MULTILINE).matcher(seen).find() ? null : "matching: " + want;
                case "lines" -> lines(seen) == Integer.parseInt(want) ? null : want + " lines (saw " + lines(seen) + ")";
                case "differs_from_host" -> differs(c, seen, want);
                case "same_as_host" -> same(c, seen, want);
                case "unchanged" -> {
                    String before = baseline.get(key(c));
                    yield before == null || before.equals(seen) ? null : "unchanged since the lesson began: " + before;
                }
                default -> "a known expectation, not " + e.getKey();
            };
            if (failure != null) {
                return new CheckResult(c.say(), false, failure, seen);
            }
        }
        return new CheckResult(c.say(), true, null, seen);
    }

    private String differs(Lesson.Check c, String seen, String want) {
        String host = read("host", c.probe());
        boolean differs = !host.equals(seen);
        return differs == Boolean.parseBoolean(want) ? null : (differs ? "the same as the host's: " : "different from the host's: ") + host;
    }

    private String same(Lesson.Check c, String seen, String want) {
        String host = read("host", c.probe());
        boolean same = host.equals(seen);
        return same == Boolean.parseBoolean(want) ? null : (same ? "different from the host's: " : "the same as the host's: ") + host;
    }

    private static int lines(String s) {
        return (int) s.lines().filter(l -> !l.isBlank()).count();
    }

    public List<CheckResult> checkAll(Lesson.Step step) {
        return step.checks().stream().map(this::check).toList();
    }
}
