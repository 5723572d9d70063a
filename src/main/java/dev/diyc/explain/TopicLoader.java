package dev.diyc.explain;

import dev.diyc.data.YamlFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads lessons/explain/*.yaml and checks each file against lessons/explain/FORMAT.md, naming the
 * file and field at fault. Same policy as the lesson loader: a broken file is one line in
 * {@link Loaded#problems()} and is skipped; every other topic still loads.
 */
public final class TopicLoader {
    /** Every key a topic file may have; anything else is most likely a typo worth reporting. */
    static final List<String> KEYS = List.of("name", "aliases", "kind", "summary", "text", "signature", "flags",
            "errors", "see", "posts");
    private static final YamlFields YAML = new YamlFields(TopicFormatException::new);
    private static final Pattern ERRNO = Pattern.compile("E[A-Z0-9]+");
    /** So that the topic list keeps one line per topic at 80 columns, beside the longest names. */
    static final int MAX_SUMMARY = 58;

    private TopicLoader() {}

    /** The topics that load, and one line per problem (a broken file never stops diyc). */
    public record Loaded(Topics topics, List<String> problems) {}

    public static Loaded loadAll(Path dir) throws IOException {
        List<Topic> loaded = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    loaded.add(load(f));
                } catch (TopicFormatException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        List<Topic> kept = withoutClashes(loaded, problems);
        Topics topics = new Topics(kept);
        // A dangling see: is worth fixing but the topic itself is still worth reading.
        for (Topic t : kept) {
            for (String s : t.see()) {
                if (topics.find(s).isEmpty()) {
                    problems.add(t.file().getFileName() + ": see: there is no topic '" + s + "'");
                }
            }
        }
        return new Loaded(topics, List.copyOf(problems));
    }

    /**
     * Two topics answering to one spelling would make a lookup depend on file order. A clashing
     * name skips the later file (as a duplicate lesson number does); a clashing alias is dropped
     * from the later file only, since the topic is still reachable by its name.
     */
    private static List<Topic> withoutClashes(List<Topic> loaded, List<String> problems) {
        Map<String, Topic> owners = new HashMap<>();
        List<Topic> kept = new ArrayList<>();
        for (Topic t : loaded) {
            Topic owner = owners.get(Topics.normalise(t.name()));
            if (owner != null) {
                problems.add(t.file().getFileName() + ": name '" + t.name() + "' is also used by "
                        + owner.file().getFileName() + "; skipped");
                continue;
            }
            owners.put(Topics.normalise(t.name()), t);
            kept.add(t);
        }
        for (Topic t : kept) {
            for (String a : t.aliases()) {
                Topic owner = owners.putIfAbsent(Topics.normalise(a), t);
                if (owner != null && owner != t) {
                    problems.add(t.file().getFileName() + ": alias '" + a + "' is also used by "
                            + owner.file().getFileName() + "; it finds " + owner.name());
                }
            }
        }
        return kept;
    }

    public static Topic load(Path file) throws IOException {
        String where = file.getFileName().toString();
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        } catch (YamlEngineException e) {
            throw new TopicFormatException(where + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, Object> m = YAML.map(doc, where);
        for (String key : m.keySet()) {
            if (!KEYS.contains(key)) {
                throw new TopicFormatException(where + ": unknown key '" + key + "' (keys: " + String.join(", ", KEYS) + ")");
            }
        }
        String name = YAML.str(m, "name", where);
        String base = where.substring(0, where.length() - ".yaml".length());
        if (!Topics.normalise(name).equals(Topics.normalise(base))) {
            // So that an instructor who wants to fix `explain X` knows which file to open.
            throw new TopicFormatException(where + ": name: '" + name + "' must match the file name (" + base + ")");
        }
        String kindWord = YAML.str(m, "kind", where);
        Topic.Kind kind = Topic.Kind.of(kindWord);
        if (kind == null) {
            throw new TopicFormatException(where + ": kind: must be syscall, concept, file or command, not '" + kindWord + "'");
        }
        String summary = YAML.str(m, "summary", where).strip();
        if (summary.contains("\n")) {
            throw new TopicFormatException(where + ": summary: must be one line (it is shown in the topic list)");
        }
        if (summary.length() > MAX_SUMMARY) {
            throw new TopicFormatException(where + ": summary: at most " + MAX_SUMMARY + " characters, to fit one line of the topic list (this one has "
                    + summary.length() + ")");
        }
        String signature = YAML.optional(m, "signature", where);
        if (kind == Topic.Kind.SYSCALL && signature.isBlank()) {
            throw new TopicFormatException(where + ": signature: a syscall topic needs its C prototype");
        }
        if (kind != Topic.Kind.SYSCALL && !signature.isBlank()) {
            throw new TopicFormatException(where + ": signature: only a syscall topic has one (this one is a " + kindWord + ")");
        }
        return new Topic(name, strings(m, "aliases", where), kind, summary, YAML.str(m, "text", where), signature.strip(),
                flags(m, where), errors(m, where), strings(m, "see", where), posts(m, where), file);
    }

    private static List<Topic.Flag> flags(Map<String, Object> m, String where) {
        List<Topic.Flag> flags = new ArrayList<>();
        List<Object> raw = YAML.list(m.getOrDefault("flags", List.of()), where + ": flags");
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> f = entry(raw.get(i), where + ": flags: item " + (i + 1), Set.of("name", "meaning"));
            flags.add(new Topic.Flag(YAML.str(f, "name", where + ": flags: item " + (i + 1)),
                    YAML.str(f, "meaning", where + ": flags: item " + (i + 1))));
        }
        return List.copyOf(flags);
    }

    private static List<Topic.Failure> errors(Map<String, Object> m, String where) {
        List<Topic.Failure> errors = new ArrayList<>();
        List<Object> raw = YAML.list(m.getOrDefault("errors", List.of()), where + ": errors");
        for (int i = 0; i < raw.size(); i++) {
            String at = where + ": errors: item " + (i + 1);
            Map<String, Object> e = entry(raw.get(i), at, Set.of("errno", "meaning"));
            String errno = YAML.str(e, "errno", at);
            if (!ERRNO.matcher(errno).matches()) {
                throw new TopicFormatException(at + ": errno: '" + errno + "' is not an errno name (EINVAL, EPERM...)");
            }
            errors.add(new Topic.Failure(errno, YAML.str(e, "meaning", at)));
        }
        return List.copyOf(errors);
    }

    /** Seed posts are three digits ("001"); YAML reads an unquoted 001 as the number 1, so accept that too. */
    private static List<String> posts(Map<String, Object> m, String where) {
        List<String> posts = new ArrayList<>();
        for (Object p : YAML.list(m.getOrDefault("posts", List.of()), where + ": posts")) {
            String s = p instanceof Number n ? String.format("%03d", n.intValue()) : String.valueOf(p);
            if (!s.matches("\\d{3}")) {
                throw new TopicFormatException(where + ": posts: '" + s + "' is not a post number (\"001\")");
            }
            posts.add(s);
        }
        return List.copyOf(posts);
    }

    private static Map<String, Object> entry(Object raw, String where, Set<String> keys) {
        Map<String, Object> e = YAML.map(raw, where);
        for (String key : e.keySet()) {
            if (!keys.contains(key)) {
                throw new TopicFormatException(where + ": unknown key '" + key + "' (keys: " + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
        return e;
    }

    private static List<String> strings(Map<String, Object> m, String key, String where) {
        List<String> out = new ArrayList<>();
        for (Object o : YAML.list(m.getOrDefault(key, List.of()), where + ": " + key)) {
            if (o instanceof Map || o instanceof List || o == null || String.valueOf(o).isBlank()) {
                throw new TopicFormatException(where + ": " + key + ": every item must be a word or phrase");
            }
            out.add(String.valueOf(o).strip());
        }
        return List.copyOf(out);
    }

}
