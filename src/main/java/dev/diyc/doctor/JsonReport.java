package dev.diyc.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report as JSON, for a script that checks a room's machines: the same facts as the table. */
public final class JsonReport {
    private JsonReport() {}

    public static String of(Report r) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("ready", r.allReady());
        top.put("kernel", r.kernel());
        List<Object> lessons = new ArrayList<>();
        for (LessonRow row : r.lessons()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("lesson", row.number());
            l.put("id", row.id());
            l.put("file", row.file());
            l.put("ready", row.ready());
            l.put("needs", Piece.inOrder(row.needs()).stream().map(Piece::word).toList());
            List<Object> missing = new ArrayList<>();
            for (Finding f : row.missing()) {
                missing.add(mapOf("piece", f.piece().word(), "fix", f.fix()));
            }
            l.put("missing", missing);
            l.put("unknown_needs", row.unknownNeeds());
            lessons.add(l);
        }
        top.put("lessons", lessons);
        List<Object> pieces = new ArrayList<>();
        for (Finding f : r.pieces()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("piece", f.piece().word());
            p.put("label", f.piece().label());
            p.put("ok", f.ok());
            p.put("found", f.found());
            p.put("fix", f.fix());
            p.put("lessons", r.lessonsNeeding(f.piece()));
            p.put("facts", new TreeMap<>(f.facts()));
            pieces.add(p);
        }
        top.put("pieces", pieces);
        top.put("broken_lesson_files", r.brokenLessonFiles());
        return JsonText.of(top);
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
