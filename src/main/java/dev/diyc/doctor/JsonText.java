package dev.diyc.doctor;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A tiny JSON writer for doctor's --json: maps (in their order), lists, strings, numbers, booleans and
 * null, indented by two spaces. Small enough that a dependency would cost more than it saves.
 */
final class JsonText {
    private JsonText() {}

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "");
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object v, String indent) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            container(out, m.entrySet().iterator(), m.isEmpty(), '{', '}', indent, (e, in) -> {
                var entry = (Map.Entry<?, ?>) e;
                string(out, String.valueOf(entry.getKey()));
                out.append(": ");
                write(out, entry.getValue(), in);
            });
        } else if (v instanceof Collection<?> c) {
            boolean flat = c.stream().allMatch(x -> x == null || x instanceof Number || x instanceof String s && s.length() < 20);
            if (flat) { // short lists (lesson numbers, words) on one line
                out.append('[');
                int i = 0;
                for (Object x : c) {
                    out.append(i++ == 0 ? "" : ", ");
                    write(out, x, indent);
                }
                out.append(']');
            } else {
                container(out, c.iterator(), c.isEmpty(), '[', ']', indent, (x, in) -> write(out, x, in));
            }
        } else {
            string(out, v.toString());
        }
    }

    private interface Item {
        void write(Object item, String indent);
    }

    private static void container(StringBuilder out, Iterator<?> items, boolean empty, char open, char close, String indent, Item item) {
        out.append(open);
        if (empty) {
            out.append(close);
            return;
        }
        String in = indent + "  ";
        while (items.hasNext()) {
            out.append('\n').append(in);
            item.write(items.next(), in);
            if (items.hasNext()) {
                out.append(',');
            }
        }
        out.append('\n').append(indent).append(close);
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
