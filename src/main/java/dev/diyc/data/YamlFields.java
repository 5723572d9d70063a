package dev.diyc.data;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reading fields of a parsed YAML data file (a lesson, an explain topic), with errors that name the
 * file and the place at fault, thrown as the caller's own exception type.
 */
public final class YamlFields {
    private final Function<String, ? extends RuntimeException> error;

    public YamlFields(Function<String, ? extends RuntimeException> error) {
        this.error = error;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(Object o, String where) {
        if (!(o instanceof Map)) {
            throw error.apply(where + ": expected a mapping of keys to values");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(Object o, String where) {
        if (!(o instanceof List)) {
            throw error.apply(where + ": expected a list");
        }
        return (List<Object>) o;
    }

    /** A text field that must be there. */
    public String str(Map<String, Object> m, String key, String where) {
        String v = optional(m, key, where);
        if (v.isBlank()) {
            throw error.apply(where + ": '" + key + "' is missing");
        }
        return v;
    }

    /** A text field, or "" when absent. */
    public String optional(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v instanceof Map || v instanceof List) {
            throw error.apply(where + ": " + key + ": must be text, not a " + (v instanceof Map ? "mapping" : "list"));
        }
        return v == null ? "" : String.valueOf(v);
    }
}
