package dev.diyc.testing;

import java.util.HexFormat;

/** Hex dumps in tests: whitespace and comments ("# ...") are ignored, so bytes can be laid out by structure. */
public final class Hex {
    private Hex() {}

    public static byte[] bytes(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            b.append((hash < 0 ? line : line.substring(0, hash)).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(b.toString());
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
