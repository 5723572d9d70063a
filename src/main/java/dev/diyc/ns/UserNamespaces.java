package dev.diyc.ns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this host lets an ordinary user create a user namespace, and if not, which setting says no
 * and how to change it. Three settings can: Debian's and older Ubuntu's
 * {@code kernel.unprivileged_userns_clone}, Ubuntu 24.04's AppArmor restriction
 * {@code kernel.apparmor_restrict_unprivileged_userns}, and {@code user.max_user_namespaces}.
 */
public final class UserNamespaces {
    private UserNamespaces() {}

    /** Where the sysctls are read: /proc/sys, or another directory in tests ({@code -Ddiyc.proc.sys=DIR}). */
    private static Path procSys() {
        return Path.of(System.getProperty("diyc.proc.sys", "/proc/sys"));
    }

    /** What blocks unprivileged user namespaces here, in one line that says how to lift it; empty when nothing does. */
    public static Optional<String> blocker() {
        return blocker(procSys());
    }

    /** The same, read from another /proc/sys (diyc doctor reads a made-up one in its tests). */
    public static Optional<String> blocker(Path procSys) {
        if ("0".equals(read(procSys, "kernel/unprivileged_userns_clone"))) {
            return Optional.of("this host forbids user namespaces to ordinary users: kernel.unprivileged_userns_clone is 0 "
                    + "(Debian's switch). Allow them with: sudo sysctl -w kernel.unprivileged_userns_clone=1");
        }
        if ("1".equals(read(procSys, "kernel/apparmor_restrict_unprivileged_userns"))) {
            return Optional.of("AppArmor restricts user namespaces of ordinary users on this host: "
                    + "kernel.apparmor_restrict_unprivileged_userns is 1 (Ubuntu 24.04's default). Lift it with: "
                    + "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0 (the Vagrantfile sets it for good "
                    + "in /etc/sysctl.d/60-diyc-userns.conf)");
        }
        if ("0".equals(read(procSys, "user/max_user_namespaces"))) {
            return Optional.of("user namespaces are switched off on this host: user.max_user_namespaces is 0. "
                    + "Allow them with: sudo sysctl -w user.max_user_namespaces=15000");
        }
        return Optional.empty();
    }

    private static String read(Path procSys, String name) {
        try {
            return Files.readString(procSys.resolve(name)).strip();
        } catch (IOException e) {
            return null; // this kernel has no such switch
        }
    }
}
