package dev.diyc.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * A made-up machine under a temp dir: /proc, /sys, /etc and PATH written file by file, so each check
 * can be shown what a workshop VM would show it. Starts as a plain Ubuntu 24.04 as root, cgroup v2
 * with memory and pids enabled, nft, util-linux, kernel 6.8.
 */
final class FakeMachine {
    final Path root;
    private final Map<String, String> env = new HashMap<>();

    FakeMachine(Path root) {
        this.root = root;
        env.put("PATH", "/usr/sbin:/usr/bin");
        uid(0);
        write("/proc/sys/kernel/osrelease", "6.8.0-45-generic\n");
        write("/proc/filesystems", "nodev\tsysfs\nnodev\tproc\n\text4\nnodev\toverlay\n");
        write("/proc/self/ns/time", "");
        write("/proc/self/ns/user", "");
        write("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "0\n");
        write("/proc/net/unix", "Num       RefCount Protocol Flags    Type St Inode Path\n");
        cgroupV2("memory pids cpu io", "cpu memory pids io");
        program("/usr/sbin/nft");
        program("/usr/bin/unshare");
        program("/usr/bin/nsenter");
    }

    FakeMachine uid(long uid) {
        write("/proc/self/status", "Name:\tjava\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nGroups:\t27 1000\nSeccomp:\t0\n");
        return this;
    }

    /** Pure cgroup v2 at /sys/fs/cgroup, as Ubuntu 22.04+ mounts it. */
    FakeMachine cgroupV2(String controllers, String subtreeControl) {
        write("/proc/self/mountinfo", "24 30 0:22 / /proc rw - proc proc rw\n"
                + "35 24 0:30 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n");
        write("/sys/fs/cgroup/cgroup.controllers", controllers + "\n");
        write("/sys/fs/cgroup/cgroup.subtree_control", subtreeControl + "\n");
        return this;
    }

    /** v1 trees for the controllers given, each at /sys/fs/cgroup/NAME, and (hybrid) v2 at /sys/fs/cgroup/unified. */
    FakeMachine cgroupV1(boolean hybrid, String... controllers) {
        StringBuilder mi = new StringBuilder("31 23 0:28 / /sys/fs/cgroup rw - tmpfs tmpfs rw,mode=755\n");
        int id = 32;
        for (String c : controllers) {
            mi.append(id).append(" 31 0:").append(id).append(" / /sys/fs/cgroup/").append(c).append(" rw - cgroup cgroup rw,").append(c).append('\n');
            id++;
        }
        mi.append(id++).append(" 31 0:40 / /sys/fs/cgroup/systemd rw - cgroup cgroup rw,name=systemd\n");
        if (hybrid) {
            mi.append(id).append(" 31 0:41 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw\n");
            write("/sys/fs/cgroup/unified/cgroup.controllers", "\n");
            write("/sys/fs/cgroup/unified/cgroup.subtree_control", "\n");
        }
        write("/proc/self/mountinfo", mi.toString());
        return this;
    }

    FakeMachine program(String path) {
        write(path, "#!/bin/sh\n");
        try {
            Files.setPosixFilePermissions(file(path), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeMachine remove(String path) {
        try {
            Files.deleteIfExists(file(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeMachine write(String path, String content) {
        try {
            Files.createDirectories(file(path).getParent());
            Files.writeString(file(path), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeMachine env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path file(String path) {
        return root.resolve(path.substring(1));
    }

    /** The machine, its project directory and playground base inside the temp dir too. */
    Machine machine() {
        try {
            return new Machine(root, Map.copyOf(env), Files.createDirectories(root.resolve("home/diyc")), Files.createDirectories(root.resolve("tmp")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
