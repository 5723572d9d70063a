package dev.diyc.commands;

import dev.diyc.cgroup.Cgroup;
import dev.diyc.cgroup.Cgroups;
import dev.diyc.cgroup.GroupSpec;
import dev.diyc.cgroup.Hierarchy;
import dev.diyc.term.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What libcgroup's tools (cgcreate, cgset, cgget, cgexec, cgclassify, cgdelete) share in diyc: the
 * host's cgroup trees, {@code -g CONTROLLERS:NAME}, and mistakes reported in one line. They act on
 * the host's trees whichever context they are typed in, as they would for a root process that
 * shares the host's mounts.
 */
final class CgroupArgs {
    private CgroupArgs() {}

    /** What cgclassify and cgexec share, as libcgroup spells it: the cgroups to join, and --sticky. */
    static final class JoinOptions {
        @picocli.CommandLine.Option(names = {"-g"}, required = true, paramLabel = "CONTROLLERS:NAME",
                description = "e.g. memory,pids:box (repeatable)")
        List<String> groups = new ArrayList<>();

        @picocli.CommandLine.Option(names = "--sticky", description = "accepted: diyc runs no cgrulesengd that could move it back")
        boolean sticky;
    }

    static Cgroups cgroups() {
        return Cgroups.host();
    }

    /** Runs work, turning its one-line complaints (IllegalArgumentException) into the command's error. */
    static <T> T orUserError(String command, Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(command + ": " + e.getMessage());
        }
    }

    /** A cgroup that exists, and the trees a spec names among its. */
    record Target(Cgroup cgroup, List<Hierarchy> trees) {}

    static List<Target> targets(String command, List<String> specs, Consumer<String> say) {
        return orUserError(command, () -> {
            List<Target> out = new ArrayList<>();
            for (String s : specs) {
                GroupSpec spec = GroupSpec.parse(s);
                out.add(new Target(cgroups().require(spec.name()), cgroups().treesFor(spec, say)));
            }
            return out;
        });
    }

    /** Writes PID into cgroup.procs of every tree of every target, each write printed (with NOTE, if any). */
    static void attach(String command, List<Target> targets, int pid, String note) {
        for (Target t : targets) {
            orUserError(command, () -> {
                cgroups().attach(t.cgroup(), t.trees(), pid, note);
                return null;
            });
        }
    }

    /** A PID as typed, which must be a number of a running process, and not diyc's own. */
    static int pid(String command, String text) {
        if (!text.matches("\\d{1,9}")) {
            throw new UserError(command + ": '" + text + "' is not a PID (on the host, $CTR is the container's)");
        }
        int pid = Integer.parseInt(text);
        // A thread's id moves its whole process: any of the JVM's would move diyc.
        if (pid == ProcessHandle.current().pid() || Files.exists(Path.of("/proc/self/task/" + pid))) {
            throw new UserError(command + ": " + pid + " is diyc itself, which stays out of the cgroups it limits");
        }
        return pid;
    }
}
