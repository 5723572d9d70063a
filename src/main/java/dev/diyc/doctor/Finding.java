package dev.diyc.doctor;

import java.util.Map;

/**
 * What doctor found for one piece.
 *
 * @param found what the machine has, in a few words ("nft at /usr/sbin/nft")
 * @param fix the one command or setting that supplies the piece, or null when it is there
 * @param facts the same in words a script can test ({@code "version": "hybrid"}), for --json
 */
public record Finding(Piece piece, boolean ok, String found, String fix, Map<String, String> facts) {
    public Finding {
        facts = Map.copyOf(facts);
    }

    public static Finding ok(Piece piece, String found) {
        return new Finding(piece, true, found, null, Map.of());
    }

    public static Finding missing(Piece piece, String found, String fix) {
        return new Finding(piece, false, found, fix, Map.of());
    }

    public Finding with(Map<String, String> moreFacts) {
        return new Finding(piece, ok, found, fix, moreFacts);
    }
}
