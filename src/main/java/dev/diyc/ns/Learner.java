package dev.diyc.ns;

import dev.diyc.sys.Privileges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordinary (unprivileged) user lesson 6 works as, like the posts' {@code vagrant}: the one named
 * by {@code DIYC_LEARNER}; else whoever ran {@code sudo ./diyc}; else diyc's own user when it runs
 * without root; else the first account of a person on this machine (uid 1000 and up, a login shell).
 */
public record Learner(String name, int uid, int gid, int[] groups) {
    /** The first uid useradd gives a person, and the first it does not (Debian's and Ubuntu's login.defs). */
    private static final int FIRST_UID = 1000, LAST_UID = 59999;

    private static volatile Optional<Learner> session;

    /** The learner of this diyc session, found once. */
    public static Optional<Learner> forThisSession() {
        Optional<Learner> l = session;
        if (l == null) {
            l = find(System.getenv(), (int) Privileges.effectiveUid());
            session = l;
        }
        return l;
    }

    public static Optional<Learner> find(Map<String, String> env, int ownUid) {
        List<String[]> passwd = read("/etc/passwd");
        String named = env.get("DIYC_LEARNER");
        if (named != null && !named.isBlank()) {
            return byName(passwd, named.strip());
        }
        String sudoUser = env.get("SUDO_USER");
        if (ownUid == 0 && sudoUser != null && !sudoUser.isBlank() && !sudoUser.equals("root")) {
            Optional<Learner> l = byName(passwd, sudoUser);
            if (l.isPresent()) {
                return l;
            }
        }
        for (String[] f : passwd) {
            int uid = number(f[2]);
            if (ownUid != 0 ? uid == ownUid : uid >= FIRST_UID && uid <= LAST_UID && !f[6].matches(".*/(nologin|false)")) {
                return Optional.of(of(f));
            }
        }
        return Optional.empty();
    }

    public static Optional<Learner> byName(String name) {
        return byName(read("/etc/passwd"), name);
    }

    private static Optional<Learner> byName(List<String[]> passwd, String name) {
        return passwd.stream().filter(f -> f[0].equals(name)).findFirst().map(Learner::of);
    }

    private static Learner of(String[] f) {
        int gid = number(f[3]);
        List<Integer> groups = new ArrayList<>(List.of(gid));
        for (String[] g : read("/etc/group")) { // group:x:gid:member,member
            if (g.length > 3 && List.of(g[3].split(",")).contains(f[0]) && !groups.contains(number(g[2]))) {
                groups.add(number(g[2]));
            }
        }
        return new Learner(f[0], number(f[2]), gid, groups.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<String[]> read(String file) {
        List<String[]> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                String[] f = line.split(":", -1);
                if (f.length >= 4 && !line.startsWith("#")) {
                    rows.add(f.length >= 7 ? f : Arrays.copyOf(f, 7));
                }
            }
        } catch (IOException e) {
            // no such file: no accounts to choose from
        }
        rows.replaceAll(f -> {
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i] == null ? "" : f[i];
            }
            return f;
        });
        return rows;
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
