package dev.diyc.lesson;

import dev.diyc.cgroup.Cgroup;
import dev.diyc.cgroup.Cgroups;
import dev.diyc.ns.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The cgroup probes of lessons/FORMAT.md: where a context's shell is, and what diyc's cgroups hold. */
final class CgroupProbes {
    private CgroupProbes() {}

    /** The context shell's /proc/PID/cgroup, read by the host (full paths, whatever the shell's cgroup namespace). */
    static String membership(Context ctx) {
        try {
            return Files.readString(ctx.proc().resolve("cgroup"));
        } catch (IOException e) {
            return "no /proc/" + ctx.pid() + "/cgroup: the shell is gone";
        }
    }

    /**
     * {@code NAME}: the cgroup's directories, one per line (none once removed). {@code NAME/FILE}: a
     * file's content, either version's name for it, as cgget reads it.
     */
    static String cgroup(String arg) {
        int slash = arg.indexOf('/');
        Cgroup cg = Cgroups.host().find(slash < 0 ? arg : arg.substring(0, slash));
        if (slash < 0) {
            return String.join("\n", cg.paths().stream().map(Path::toString).toList());
        }
        try {
            return Cgroups.host().get(cg, arg.substring(slash + 1), line -> {}).content();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
