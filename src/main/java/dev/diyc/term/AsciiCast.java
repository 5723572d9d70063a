package dev.diyc.term;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A session recorded as asciicast v2 ({@code asciinema play FILE.cast} replays it): a JSON header
 * line, then one {@code [seconds, "o", text]} line per piece of output. It taps the console, so it
 * holds what diyc printed and the lines typed, not JLine's redrawing of the line being edited.
 *
 * <p>Cheap by construction: an event is a string appended to a buffered writer; the file is
 * flushed after each typed line (so a crash loses at most one command's output) and on close.
 */
public final class AsciiCast implements Tap, AutoCloseable {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    private final long start = System.nanoTime();
    private long lastMicros;
    private IOException failed;

    private AsciiCast(Writer out) {
        this.out = out;
    }

    /** Creates (or replaces) the file and writes its header. */
    public static AsciiCast create(Path file, int width, int height, String term) throws IOException {
        AsciiCast cast = new AsciiCast(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16));
        cast.out.write("{\"version\": 2, \"width\": " + width + ", \"height\": " + height + ", \"timestamp\": "
                + System.currentTimeMillis() / 1000 + ", \"env\": {\"TERM\": " + json(term == null ? "xterm-256color" : term)
                + ", \"SHELL\": \"diyc\"}, \"title\": \"diyc\"}\n");
        return cast;
    }

    @Override
    public synchronized void shown(String text) {
        if (text.isEmpty() || failed != null) {
            return;
        }
        // Monotonic and never decreasing, as asciinema expects, at microsecond resolution like its own recorder.
        long micros = Math.max(lastMicros, (System.nanoTime() - start) / 1000);
        lastMicros = micros;
        try {
            String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1); // six digits, without String.format's cost
            out.write("[" + micros / 1_000_000 + "." + fraction + ", \"o\", " + json(text) + "]\n");
        } catch (IOException e) {
            failed = e;
        }
    }

    @Override
    public synchronized void printed(ConsoleKind kind, String plain) {
        if (kind == ConsoleKind.TYPED && failed == null) {
            try {
                out.flush();
            } catch (IOException e) {
                failed = e;
            }
        }
    }

    /** Flushes and closes; an error writing the file on the way is reported here, once. */
    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            failed = failed == null ? e : failed;
        }
        if (failed != null) {
            throw new UncheckedIOException("the recording is incomplete: " + failed.getMessage(), failed);
        }
    }

    /**
     * A JSON string: quotes, backslashes and every control character escaped (ESC included). A lone
     * newline becomes \r\n: the terminal in raw mode needs the carriage return the tty would have added.
     */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append(i > 0 && s.charAt(i - 1) == '\r' ? "\\n" : "\\r\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
