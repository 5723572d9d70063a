package dev.diyc.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names for the bits of a flag word, decoded the way strace prints them: {@code IFF_UP|IFF_LOWER_UP},
 * unknown bits kept as hex, zero as {@code 0}. (sys.Flags does the same for syscall flags; its
 * builder is private to that package.)
 */
final class BitNames {
    private final Map<String, Integer> bits = new LinkedHashMap<>();

    BitNames bit(String name, int mask) {
        bits.put(name, mask);
        return this;
    }

    /** The set bits' names in the order they were declared; composite masks first if declared first. */
    List<String> names(int value) {
        List<String> names = new ArrayList<>();
        int rest = value;
        for (Map.Entry<String, Integer> e : bits.entrySet()) {
            int m = e.getValue();
            if (m != 0 && (rest & m) == m) {
                names.add(e.getKey());
                rest &= ~m;
            }
        }
        if (rest != 0) {
            names.add("0x" + Integer.toHexString(rest));
        }
        return names;
    }

    String decode(int value) {
        List<String> names = names(value);
        return names.isEmpty() ? "0" : String.join("|", names);
    }
}
