package dev.diyc.doctor;

import dev.diyc.lesson.SessionSlot;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether one more diyc session gets link names and addresses of its own. Each session holds an
 * abstract unix socket, {@code @diyc-slot-N}, which /proc/net/unix lists: counting them takes no
 * slot, where claiming one would.
 */
final class SessionSlotCheck {
    private SessionSlotCheck() {}

    static Finding check(Machine m) {
        String unix = m.read("/proc/net/unix");
        Set<String> taken = new TreeSet<>();
        if (unix != null) {
            for (String line : unix.split("\n")) {
                String[] f = line.strip().split("\\s+");
                String path = f[f.length - 1];
                if (path.startsWith("@" + SessionSlot.SOCKET_PREFIX) && path.substring(1 + SessionSlot.SOCKET_PREFIX.length()).matches("\\d+")) {
                    taken.add(path.substring(1));
                }
            }
        }
        int free = Math.max(0, SessionSlot.SLOTS - taken.size());
        Map<String, String> facts = Map.of("sessions_running", Integer.toString(taken.size()), "free", Integer.toString(free));
        String running = taken.isEmpty() ? "no other diyc session runs" : taken.size() + " diyc session" + (taken.size() == 1 ? " runs" : "s run");
        if (free > 0) {
            return Finding.ok(Piece.SESSION_SLOT, running + "; " + free + " of " + SessionSlot.SLOTS + " slots free").with(facts);
        }
        return Finding.missing(Piece.SESSION_SLOT, running + "; all " + SessionSlot.SLOTS + " slots taken, names would collide",
                "quit one of the diyc sessions (ss -xlp | grep diyc-slot lists them)").with(facts);
    }
}
