package dev.diyc.doctor;

import dev.diyc.cgroup.CgroupV1;
import dev.diyc.cgroup.CgroupV2;
import dev.diyc.cgroup.Cgroups;
import dev.diyc.cgroup.Hierarchy;
import dev.diyc.cgroup.Mountinfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cgroup layout and whether diyc can make a cgroup with memory and pids (lessons 10-12), decided
 * by diyc's own cgroup code: the trees found in mountinfo, the tree that holds each controller, and
 * the tree's own reason to refuse a child at its top (where diyc makes its cgroups). Nothing is
 * created: on cgroup v2 that reason is read from cgroup.subtree_control.
 */
final class CgroupCheck {
    static final List<String> CONTROLLERS = List.of("memory", "pids");

    private CgroupCheck() {}

    static Finding check(Machine m) {
        String mountinfo = m.read("/proc/self/mountinfo");
        List<Hierarchy> trees = Mountinfo.hierarchies(mountinfo == null ? "" : mountinfo, p -> Hierarchy.read(m.path(p.toString())))
                .stream().map(h -> under(m, h)).toList();
        Cgroups cgroups = new Cgroups(trees, Cgroups.sessionPrefix(), null); // doctor reads; it never creates a cgroup
        String version = version(trees);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("version", version);
        List<String> problems = new ArrayList<>();
        List<String> toEnable = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        for (String c : CONTROLLERS) {
            Hierarchy h = cgroups.treeOf(c);
            if (h == null) {
                problems.add("no tree has " + c);
                fixes.add(mountFix(version, c));
                continue;
            }
            facts.put(c, "v" + h.version() + " " + outside(m, h.mount()));
            if (h.cannotCreate(Set.of(c)) != null) {
                problems.add(c + " not enabled for child cgroups");
                toEnable.add("+" + c);
            }
        }
        CgroupV2 v2 = (CgroupV2) cgroups.unified();
        if (v2 != null) {
            facts.put("subtree_control", subtreeControl(v2));
        }
        if (!toEnable.isEmpty()) {
            fixes.add("echo " + (toEnable.size() > 1 ? "'" + String.join(" ", toEnable) + "'" : toEnable.get(0)) + " | sudo tee "
                    + outside(m, v2.mount().resolve("cgroup.subtree_control")));
        }
        String where = describe(m, version, cgroups);
        if (problems.isEmpty()) {
            return Finding.ok(Piece.CGROUP_LIMITS, where).with(facts);
        }
        return Finding.missing(Piece.CGROUP_LIMITS, where + "; " + String.join(", ", problems), String.join(" && ", fixes)).with(facts);
    }

    /** v1 (only v1 trees with controllers), hybrid (those and a v2 tree), v2 (the v2 tree alone), none. */
    static String version(List<Hierarchy> trees) {
        boolean v1 = trees.stream().anyMatch(h -> h.version() == 1 && !h.controllers().isEmpty());
        boolean v2 = trees.stream().anyMatch(h -> h.version() == 2);
        return v1 ? (v2 ? "hybrid" : "v1") : (v2 ? "v2" : "none");
    }

    private static String describe(Machine m, String version, Cgroups cgroups) {
        Hierarchy memory = cgroups.treeOf("memory"), pids = cgroups.treeOf("pids");
        return switch (version) {
            case "v2" -> "pure v2 at " + outside(m, cgroups.unified().mount());
            case "hybrid" -> "hybrid: memory " + (memory == null ? "nowhere" : "in v" + memory.version()) + ", pids "
                    + (pids == null ? "nowhere" : "in v" + pids.version()) + ", v2 at " + outside(m, cgroups.unified().mount());
            case "v1" -> "v1 only";
            default -> "no cgroup tree mounted";
        };
    }

    private static String mountFix(String version, String controller) {
        return switch (version) {
            case "v2" -> "add cgroup_enable=" + controller + " to the kernel command line (GRUB_CMDLINE_LINUX) and reboot";
            case "none" -> "sudo mount -t cgroup2 none /sys/fs/cgroup";
            default -> "sudo mkdir -p /sys/fs/cgroup/" + controller + " && sudo mount -t cgroup -o " + controller + " cgroup /sys/fs/cgroup/" + controller;
        };
    }

    private static String subtreeControl(CgroupV2 v2) {
        String s = Hierarchy.read(v2.mount().resolve("cgroup.subtree_control"));
        return s == null ? "" : s.strip();
    }

    /** A tree whose mount point is read under the machine's root (the same tree on this machine). */
    private static Hierarchy under(Machine m, Hierarchy h) {
        Path mount = m.path(h.mount().toString());
        return h instanceof CgroupV1 v1 ? new CgroupV1(mount, v1.root(), v1.controllers(), v1.name())
                : new CgroupV2(mount, h.root(), h.controllers());
    }

    /** The path as the machine names it (without a test's root in front). */
    private static String outside(Machine m, Path p) {
        return "/" + m.root().relativize(p);
    }
}
