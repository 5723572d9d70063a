package dev.diyc.commands;

import dev.diyc.cgroup.Cgroup;
import dev.diyc.cgroup.Cgroups;
import dev.diyc.cgroup.GroupSpec;
import dev.diyc.cgroup.Hierarchy;
import dev.diyc.term.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cgget", mixinStandardHelpOptions = true,
        description = {"Read a cgroup's files, as libcgroup's cgget: its limits and its counters.",
                "  cgget -r memory.usage_in_bytes -r pids.current box",
                "  cgget -r memory.oom_control box",
                "  cgget -g pids:box",
                "Either version's file names work: diyc reads the one this machine's tree has, and says so."})
final class CggetCommand extends NativeCommand {
    @Option(names = {"-r"}, paramLabel = "FILE", description = "a file to read, e.g. memory.usage_in_bytes (repeatable)")
    List<String> files = new ArrayList<>();

    @Option(names = {"-g"}, paramLabel = "CONTROLLER[:NAME]", description = "every file of a controller, e.g. pids or pids:box (repeatable)")
    List<String> controllers = new ArrayList<>();

    @Option(names = {"-n"}, description = "no line naming the cgroup") boolean noName;
    @Option(names = {"-v"}, description = "values only, without the file names") boolean valuesOnly;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "the cgroup(s), as named in cgcreate")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        Set<String> all = new LinkedHashSet<>(names);
        List<String> whole = new ArrayList<>();
        for (String g : controllers) {
            int colon = g.indexOf(':');
            whole.add(colon < 0 ? g : g.substring(0, colon));
            if (colon >= 0) {
                all.add(g.substring(colon + 1));
            }
        }
        if (all.isEmpty() || (files.isEmpty() && whole.isEmpty())) {
            throw new UserError("cgget: say what to read and from which cgroup, e.g. cgget -r memory.usage_in_bytes box (try: cgget --help)");
        }
        Cgroups cgroups = CgroupArgs.cgroups();
        boolean first = true;
        for (String name : all) {
            Map<String, String> read = CgroupArgs.orUserError("cgget", () -> {
                Cgroup cg = cgroups.require(GroupSpec.name(name));
                Map<String, String> values = new LinkedHashMap<>();
                Set<Path> dirs = new LinkedHashSet<>();
                for (String f : files) {
                    Cgroups.Reading r = cgroups.get(cg, f, inv.console()::say);
                    values.put(f, r.content());
                    dirs.add(r.file().getParent());
                }
                for (String c : whole) {
                    for (Path p : cgroups.filesOf(cg, c)) {
                        values.put(p.getFileName().toString(), Hierarchy.read(p));
                        dirs.add(p.getParent());
                    }
                }
                inv.console().say("read from " + String.join(", ", dirs.stream().map(Path::toString).toList()));
                return values;
            });
            StringBuilder out = new StringBuilder();
            if (!first) {
                out.append('\n');
            }
            first = false;
            if (!noName) {
                out.append(name).append(":\n");
            }
            read.forEach((file, value) -> out.append(format(file, value == null ? "" : value)));
            inv.console().out(out.toString());
        }
        return 0;
    }

    /** libcgroup's layout: {@code file: value}, further lines of the value indented by a tab. */
    private String format(String file, String value) {
        String v = value.strip().replace("\n", "\n\t");
        return valuesOnly ? v + "\n" : file + ": " + v + "\n";
    }
}
