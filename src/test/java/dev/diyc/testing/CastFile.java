package dev.diyc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An asciicast v2 file read as asciinema reads it: a JSON header line, then JSON lines
 * {@code [seconds, "o", text]} whose times never decrease (asserted while reading).
 *
 * @param text every output event's text, in order: what a replay shows
 */
public record CastFile(Map<String, Object> header, String text) {
    @SuppressWarnings("unchecked")
    public static CastFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Map<String, Object> header = (Map<String, Object>) Json.parse(lines.get(0));
        assertEquals(2L, header.get("version"), "asciicast version: " + header);
        double last = 0;
        StringBuilder text = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            List<?> event = (List<?>) Json.parse(line);
            double time = ((Number) event.get(0)).doubleValue();
            assertTrue(time >= last, "time went back at " + line);
            last = time;
            assertEquals("o", event.get(1), line);
            text.append((String) event.get(2));
        }
        return new CastFile(header, text.toString());
    }
}
