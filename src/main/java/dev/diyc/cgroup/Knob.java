package dev.diyc.cgroup;

/**
 * The cgroup files diyc knows under both names: cgroup v1's (post 003's cgset uses them) and cgroup
 * v2's. A learner may type either; diyc writes the one the hierarchy holding the controller has.
 */
public enum Knob {
    MEMORY_LIMIT("memory", "memory.limit_in_bytes", "memory.max"),
    /** Not the same quantity: v1 limits memory plus swap, v2 limits swap alone. */
    SWAP_LIMIT("memory", "memory.memsw.limit_in_bytes", "memory.swap.max"),
    MEMORY_USAGE("memory", "memory.usage_in_bytes", "memory.current"),
    MEMORY_PEAK("memory", "memory.max_usage_in_bytes", "memory.peak"),
    /** Where the OOM killer's count is: v1 memory.oom_control's oom_kill line, v2 memory.events'. */
    OOM("memory", "memory.oom_control", "memory.events"),
    CPU_WEIGHT("cpu", "cpu.shares", "cpu.weight"),
    PIDS_LIMIT("pids", "pids.max", "pids.max"),
    PIDS_USAGE("pids", "pids.current", "pids.current");

    private final String controller;
    private final String v1;
    private final String v2;

    Knob(String controller, String v1, String v2) {
        this.controller = controller;
        this.v1 = v1;
        this.v2 = v2;
    }

    public String controller() {
        return controller;
    }

    /** The file's name in cgroup v{@code version}. */
    public String file(int version) {
        return version == 1 ? v1 : v2;
    }

    /** The knob a file name stands for, in either spelling, or null. */
    public static Knob byFile(String file) {
        for (Knob k : values()) {
            if (k.v1.equals(file) || k.v2.equals(file)) {
                return k;
            }
        }
        return null;
    }

    /** Which version spells the file this way: 1, 2, or 0 when both do (pids.max). */
    public int spelledIn(String file) {
        if (v1.equals(v2)) {
            return 0;
        }
        return v1.equals(file) ? 1 : 2;
    }

    /**
     * The controller a file belongs to, from its prefix ({@code memory.max} -> memory); cgroup v2's
     * own files ({@code cgroup.procs}) belong to none and give null.
     */
    public static String controllerOf(String file) {
        Knob k = byFile(file);
        if (k != null) {
            return k.controller;
        }
        int dot = file.indexOf('.');
        String prefix = dot < 0 ? file : file.substring(0, dot);
        return prefix.equals("cgroup") || prefix.equals("tasks") || prefix.equals("notify_on_release") ? null : prefix;
    }

    /** cpu.shares (2..262144, default 1024) to cpu.weight (1..10000, default 100), as runc and crun convert. */
    public static long sharesToWeight(long shares) {
        long s = Math.max(2, Math.min(262144, shares));
        return 1 + ((s - 2) * 9999) / 262142;
    }

    /** The inverse of {@link #sharesToWeight}, for cpu.weight typed on a cgroup v1 machine. */
    public static long weightToShares(long weight) {
        long w = Math.max(1, Math.min(10000, weight));
        return 2 + ((w - 1) * 262142) / 9999;
    }
}
