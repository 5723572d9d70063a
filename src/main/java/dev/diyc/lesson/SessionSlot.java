package dev.diyc.lesson;

import dev.diyc.sys.LibC;
import dev.diyc.sys.Native;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which diyc session this is on the machine, so that an instructor's session and a learner's never
 * make links or addresses with the same names. The first session is slot 0 and runs the lessons
 * exactly as written; a second one, slot 1, turns the lessons' {@code diyc-h7} into {@code diyc1-h7}
 * and {@code 10.200.7.1} into {@code 10.201.7.1}, in text, commands and checks alike.
 *
 * <p>A slot is held by binding an abstract unix socket, {@code @diyc-slot-N}: the kernel releases
 * it when the process ends however it ends (even {@code kill -9}), and it leaves no file behind.
 */
public final class SessionSlot {
    private static final int AF_UNIX = 1, SOCK_STREAM = 1, SOCK_CLOEXEC = 0x80000;
    /** How many sessions get names of their own; diyc doctor counts the ones taken. */
    public static final int SLOTS = 10;
    /** A slot's abstract socket is this and its number: {@code @diyc-slot-0} in /proc/net/unix. */
    public static final String SOCKET_PREFIX = "diyc-slot-";
    /** A link name a lesson makes: diyc- then a short tag (h7, c8a, br8), never diyc-playground. */
    private static final Pattern LINK = Pattern.compile("\\bdiyc-([a-z]{1,3}\\d*[a-z]?)\\b");
    private static final Pattern NET = Pattern.compile("\\b10\\.200\\.(\\d{1,3})\\.");

    private final int slot;

    private SessionSlot(int slot) {
        this.slot = slot;
    }

    /** The session that runs the lessons as written (tests, and the first session on a machine). */
    public static SessionSlot first() {
        return new SessionSlot(0);
    }

    /** Another session's slot, to read its lessons with its names ({@code diyc notes}). */
    public static SessionSlot numbered(int n) {
        return new SessionSlot(n);
    }

    private static volatile SessionSlot claimed = first();

    /** This process's slot: the one {@link #claim} took, or slot 0 before that. */
    public static SessionSlot current() {
        return claimed;
    }

    /** Takes the lowest free slot for the life of this process; slot 0 when all are taken or the kernel says no. */
    public static SessionSlot claim() {
        SessionSlot s = take();
        claimed = s;
        return s;
    }

    private static SessionSlot take() {
        LibC c = Native.libc();
        for (int n = 0; n < SLOTS; n++) {
            int fd = c.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                return first();
            }
            byte[] addr = abstractAddress(SOCKET_PREFIX + n);
            if (c.bind(fd, addr, addr.length) == 0) {
                return new SessionSlot(n); // the fd stays open, quietly, until the process ends
            }
            c.close(fd);
        }
        return first();
    }

    /** struct sockaddr_un with a leading NUL: a name in the abstract namespace, not a file. */
    private static byte[] abstractAddress(String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] addr = new byte[2 + 1 + n.length];
        addr[0] = AF_UNIX; // sa_family, little-endian
        System.arraycopy(n, 0, addr, 3, n.length);
        return addr;
    }

    public int number() {
        return slot;
    }

    /** Rewrites a lesson's names and addresses for this slot; slot 0 leaves them as written. */
    public UnaryOperator<String> rename() {
        if (slot == 0) {
            return UnaryOperator.identity();
        }
        return text -> NET.matcher(LINK.matcher(text).replaceAll("diyc" + slot + "-$1"))
                .replaceAll(Matcher.quoteReplacement("10." + (200 + slot) + ".") + "$1.");
    }

    /** One line for the welcome when another session runs here; null for the first. */
    public String notice() {
        return slot == 0 ? null : "another diyc session runs on this machine: yours names its links diyc" + slot
                + "-... and uses 10." + (200 + slot) + ".x.x addresses, so the two never collide";
    }
}
