package dev.diyc.doctor;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One thing a lesson needs from the machine. Its word is what a lesson file names in {@code needs:}
 * (lessons/FORMAT.md), so a new lesson can ask for a piece without a change here.
 */
public enum Piece {
    ROOT("root", "root or sudo"),
    USER_NAMESPACES("user-namespaces", "user namespaces for ordinary users"),
    LEARNER("learner", "an ordinary user to be in lesson 6"),
    ROOTFS("rootfs", "a root filesystem image"),
    DISK_SPACE("disk-space", "disk space for the playground"),
    SESSION_SLOT("session-slot", "a free diyc session slot"),
    NAT("nat", "iptables or nft"),
    UTIL_LINUX("util-linux", "util-linux unshare and nsenter"),
    CGROUP_LIMITS("cgroup-limits", "cgroup memory and pids controllers"),
    PROCFS_PIDNS("procfs-pidns", "a /proc for a new PID namespace"),
    TIME_NAMESPACE("time-namespace", "time namespaces"),
    OVERLAYFS("overlayfs", "overlayfs"),
    SECCOMP("seccomp", "seccomp filters");

    private final String word;
    private final String label;

    Piece(String word, String label) {
        this.word = word;
        this.label = label;
    }

    /** The word a lesson's {@code needs:} names it by. */
    public String word() {
        return word;
    }

    /** A few words for a person. */
    public String label() {
        return label;
    }

    /** A set of pieces in this enum's order (the order the report lists them). */
    public static List<Piece> inOrder(Collection<Piece> pieces) {
        return Stream.of(values()).filter(pieces::contains).toList();
    }

    public static Optional<Piece> byWord(String word) {
        return Stream.of(values()).filter(p -> p.word.equals(word)).findFirst();
    }
}
