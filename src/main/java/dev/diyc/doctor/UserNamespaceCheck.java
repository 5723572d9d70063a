package dev.diyc.doctor;

import dev.diyc.ns.UserNamespaces;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** User namespaces for ordinary users (lesson 6), and the switch that forbids them, as diyc itself detects it. */
final class UserNamespaceCheck {
    /** The fix inside the detector's sentence: {@code sudo sysctl -w NAME=VALUE}. */
    private static final Pattern SYSCTL = Pattern.compile("sudo sysctl -w [\\w.]+=\\w+");

    private UserNamespaceCheck() {}

    static Finding check(Machine m) {
        if (!m.exists("/proc/self/ns/user")) {
            return Finding.missing(Piece.USER_NAMESPACES, "this kernel has no user namespaces (no /proc/self/ns/user)",
                    "boot a kernel built with CONFIG_USER_NS (Ubuntu's and Debian's are)");
        }
        return UserNamespaces.blocker(m.path("/proc/sys")).map(why -> {
            Matcher fix = SYSCTL.matcher(why);
            String sysctl = why.replaceFirst(".*?([a-z_]+\\.[a-z_.]+) is (\\d+).*", "$1=$2");
            return Finding.missing(Piece.USER_NAMESPACES, "forbidden by " + sysctl.replace("=", " = "),
                    fix.find() ? fix.group() : why).with(Map.of("forbidden_by", sysctl));
        }).orElse(Finding.ok(Piece.USER_NAMESPACES, "ordinary users may create them"));
    }
}
