package dev.diyc.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded topics, found by name or alias in any reasonable spelling: case does not matter, and
 * spaces, dashes and underscores are the same character, so "mount propagation",
 * "mount-propagation" and "Mount_Propagation" all find one topic.
 */
public final class Topics {
    private final List<Topic> all;
    private final Map<String, Topic> byKey = new LinkedHashMap<>();

    public Topics(List<Topic> topics) {
        all = topics.stream().sorted(Comparator.comparing(Topic::name)).toList();
        // Names first, so that a name always wins over another topic's alias.
        for (Topic t : all) {
            byKey.putIfAbsent(normalise(t.name()), t);
        }
        for (Topic t : all) {
            for (String a : t.aliases()) {
                byKey.putIfAbsent(normalise(a), t);
            }
        }
    }

    /**
     * The form every name, alias and query is compared in: lower case; runs of spaces, dashes and
     * underscores as one dash, none at either end (so "--fork" is "fork"); a man page section
     * such as "(2)" dropped, since learners copy names from man pages.
     */
    public static String normalise(String s) {
        String n = s.strip().toLowerCase(Locale.ROOT).replaceFirst("\\(\\d\\)$", "");
        return n.replaceAll("[\\s_-]+", "-").replaceAll("^-+|-+$", "");
    }

    public Optional<Topic> find(String query) {
        return Optional.ofNullable(byKey.get(normalise(query)));
    }

    /** Every topic, sorted by name. */
    public List<Topic> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** The topics' names, sorted, for tab completion. */
    public List<String> names() {
        return all.stream().map(Topic::name).toList();
    }

    /**
     * Up to three topic names for a query that found nothing, best first: names and aliases that
     * start with it or contain it as a word (a learner typed too little), that it starts with (too
     * much), then the closest by edit distance (a typo). Empty when nothing is near enough to be a
     * useful guess.
     */
    public List<String> suggest(String query) {
        String q = normalise(query);
        if (q.isEmpty()) {
            return List.of();
        }
        int tolerance = Math.max(1, Math.min(3, q.length() / 3));
        Map<Topic, Integer> best = new LinkedHashMap<>();
        for (Map.Entry<String, Topic> e : byKey.entrySet()) {
            String key = e.getKey();
            int score;
            if (q.length() >= 2 && key.startsWith(q)) {
                score = key.length() - q.length(); // the shorter the completion, the likelier
            } else if (q.length() >= 3 && key.contains("-" + q)) {
                score = 100 + key.length();
            } else if (q.startsWith(key + "-")) {
                score = 200 + q.length() - key.length(); // a learner typed a topic and then some more
            } else {
                int d = distance(q, key);
                if (d > tolerance) {
                    continue;
                }
                score = 1000 + d;
            }
            best.merge(e.getValue(), score, Math::min);
        }
        List<Map.Entry<Topic, Integer>> ranked = new ArrayList<>(best.entrySet());
        ranked.sort(Map.Entry.<Topic, Integer>comparingByValue().thenComparing(e -> e.getKey().name()));
        return ranked.stream().limit(3).map(e -> e.getKey().name()).toList();
    }

    /** Levenshtein distance, two rows at a time. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitute, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
