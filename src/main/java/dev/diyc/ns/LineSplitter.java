package dev.diyc.ns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/** Splits a byte stream into text, cutting out the end-of-command marker wherever it appears. */
final class LineSplitter {
    private final byte[] token;
    private final Consumer<String> text;
    private final Consumer<String> marker;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineSplitter(byte[] token, Consumer<String> text, Consumer<String> marker) {
        this.token = token;
        this.text = text;
        this.marker = marker;
    }

    void feed(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            line.write(buf[i]);
            if (buf[i] == '\n') {
                completeLine();
            }
        }
        flushPartial();
    }

    private void completeLine() {
        byte[] b = line.toByteArray();
        line.reset();
        int at = indexOf(b, token);
        if (at < 0) {
            text.accept(new String(b, StandardCharsets.UTF_8));
            return;
        }
        if (at > 0) {
            text.accept(new String(b, 0, at, StandardCharsets.UTF_8));
        }
        marker.accept(new String(b, at + token.length, b.length - at - token.length, StandardCharsets.UTF_8));
    }

    /** Shows a partial line now (a prompt, a progress dot), holding back what may be the token's start. */
    private void flushPartial() {
        byte[] b = line.toByteArray();
        if (b.length == 0) {
            return;
        }
        int keep = 0;
        if (indexOf(b, token) >= 0) {
            keep = b.length; // the rest of the marker line is on its way
        } else {
            for (int k = Math.min(token.length - 1, b.length); k > 0; k--) {
                if (Arrays.equals(b, b.length - k, b.length, token, 0, k)) {
                    keep = k;
                    break;
                }
            }
        }
        if (keep < b.length) {
            text.accept(new String(b, 0, b.length - keep, StandardCharsets.UTF_8));
            line.reset();
            line.write(b, b.length - keep, keep);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
