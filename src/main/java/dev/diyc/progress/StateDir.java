package dev.diyc.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where diyc keeps what must outlive a session (progress, history): {@code $XDG_STATE_HOME/diyc},
 * else {@code ~/.local/state/diyc}, of the learner. Under sudo the learner is {@code SUDO_USER}, not
 * root: the directory is in their home and everything diyc creates there is theirs.
 */
public record StateDir(Path dir, int uid, int gid) {

    /** @param env the environment (System.getenv() in diyc, a map in tests) */
    public static StateDir of(Map<String, String> env) {
        String sudoUser = env.get("SUDO_USER");
        boolean sudo = sudoUser != null && !sudoUser.isEmpty() && !sudoUser.equals("root") && env.get("SUDO_UID") != null;
        int uid = sudo ? Integer.parseInt(env.get("SUDO_UID")) : -1;
        int gid = sudo ? Integer.parseInt(env.getOrDefault("SUDO_GID", env.get("SUDO_UID"))) : -1;
        String xdg = env.get("XDG_STATE_HOME");
        Path base;
        if (xdg != null && xdg.startsWith("/")) {
            base = Path.of(xdg);
        } else {
            String home = sudo ? homeOf(sudoUser) : env.get("HOME");
            base = Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home, ".local", "state");
        }
        return new StateDir(base.resolve("diyc"), uid, gid);
    }

    /** The home directory /etc/passwd gives a user (sudo keeps root's HOME, not the learner's). */
    static String homeOf(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 5 && f[0].equals(user)) {
                    return f[5];
                }
            }
        } catch (IOException e) {
            // fall back to the caller's HOME
        }
        return null;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Creates the directory (and missing parents), owned by the learner. */
    public void create() throws IOException {
        Path missing = dir;
        while (missing.getParent() != null && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        Files.createDirectories(dir);
        for (Path p = dir; p != null && p.startsWith(missing); p = p.getParent()) {
            own(p);
        }
    }

    /** Hands a file diyc wrote (as root) to the learner, so their next non-sudo run can read and write it. */
    public void own(Path p) throws IOException {
        if (uid >= 0 && Files.exists(p)) {
            Files.setAttribute(p, "unix:uid", uid);
            Files.setAttribute(p, "unix:gid", gid);
        }
    }
}
