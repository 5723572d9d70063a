package dev.diyc.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the cgroup trees in a mountinfo text (/proc/self/mountinfo): {@code cgroup} mounts are v1
 * hierarchies, their controllers in the mount options; a {@code cgroup2} mount is the v2 tree, its
 * controllers in its root's cgroup.controllers.
 */
public final class Mountinfo {
    /** The v1 controllers a kernel may have: mount options that are not one of these are options. */
    private static final Set<String> V1_CONTROLLERS = Set.of("cpu", "cpuacct", "cpuset", "memory", "devices", "freezer",
            "net_cls", "net_prio", "blkio", "perf_event", "hugetlb", "pids", "rdma", "misc", "debug");

    private Mountinfo() {}

    /**
     * @param read a file's content (for the v2 tree's cgroup.controllers), or null when unreadable
     * @return each tree once, in mount order; a tree mounted twice counts where its whole root is mounted
     */
    public static List<Hierarchy> hierarchies(String mountinfo, Function<Path, String> read) {
        Map<String, Hierarchy> trees = new LinkedHashMap<>();
        for (String line : mountinfo.split("\n")) {
            String[] f = line.trim().split(" ");
            int dash = List.of(f).indexOf("-");
            if (dash < 6 || f.length < dash + 4) {
                continue;
            }
            String type = f[dash + 1];
            String root = unescape(f[3]);
            Path point = Path.of(unescape(f[4]));
            Hierarchy h;
            String key;
            if (type.equals("cgroup2")) {
                String listed = read.apply(point.resolve("cgroup.controllers"));
                Set<String> controllers = new LinkedHashSet<>();
                if (listed != null && !listed.isBlank()) {
                    controllers.addAll(List.of(listed.strip().split("\\s+")));
                }
                h = new CgroupV2(point, root, Set.copyOf(controllers));
                key = "v2";
            } else if (type.equals("cgroup")) {
                Set<String> controllers = new LinkedHashSet<>();
                String name = null;
                for (String o : f[dash + 3].split(",")) {
                    if (V1_CONTROLLERS.contains(o)) {
                        controllers.add(o);
                    } else if (o.startsWith("name=")) {
                        name = o.substring(5);
                    }
                }
                h = new CgroupV1(point, root, Set.copyOf(controllers), controllers.isEmpty() ? name : null);
                key = "v1 " + (name != null && controllers.isEmpty() ? "name=" + name : String.join(",", controllers.stream().sorted().toList()));
            } else {
                continue;
            }
            Hierarchy seen = trees.get(key);
            if (seen == null || (!seen.root().equals("/") && root.equals("/"))) {
                trees.put(key, h);
            }
        }
        return new ArrayList<>(trees.values());
    }

    private static String unescape(String s) {
        return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
