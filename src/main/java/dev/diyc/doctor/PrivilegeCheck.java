package dev.diyc.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Root, or a way to it. Whether sudo lets this user in is written in /etc/sudoers, which only root
 * may read, so doctor says what it can see: sudo installed, and membership of an admin group.
 */
final class PrivilegeCheck {
    private static final Set<String> ADMIN_GROUPS = Set.of("sudo", "admin", "wheel");

    private PrivilegeCheck() {}

    static Finding check(Machine m) {
        long uid = m.uid();
        if (uid == 0) {
            return Finding.ok(Piece.ROOT, "running as root");
        }
        var sudo = m.which("sudo");
        if (sudo.isPresent()) {
            List<String> admin = adminGroups(m);
            return Finding.ok(Piece.ROOT, "not root, but " + (admin.isEmpty()
                    ? "sudo is installed (sudo -v tells whether it lets you in)"
                    : "in group " + admin.get(0) + " with sudo") + ": run sudo ./diyc");
        }
        return Finding.missing(Piece.ROOT, "not root, and no sudo on this machine",
                "su -c 'apt-get install -y sudo && adduser " + userName(m, uid) + " sudo'");
    }

    /** This user's name, from /etc/passwd; $USER when it has none. */
    private static String userName(Machine m, long uid) {
        String passwd = m.read("/etc/passwd");
        if (passwd != null) {
            for (String line : passwd.split("\n")) {
                String[] f = line.split(":", -1); // name:x:uid:gid:...
                if (f.length >= 3 && f[2].equals(Long.toString(uid))) {
                    return f[0];
                }
            }
        }
        return "$USER";
    }

    /** The admin groups among this process's groups (/proc/self/status Groups, named by /etc/group). */
    private static List<String> adminGroups(Machine m) {
        String ids = m.statusField("Groups");
        String table = m.read("/etc/group");
        List<String> out = new ArrayList<>();
        if (ids == null || table == null) {
            return out;
        }
        Set<String> mine = Set.of(ids.split("\\s+"));
        for (String line : table.split("\n")) {
            String[] f = line.split(":", -1); // name:x:gid:members
            if (f.length >= 3 && ADMIN_GROUPS.contains(f[0]) && mine.contains(f[2])) {
                out.add(f[0]);
            }
        }
        return out;
    }
}
