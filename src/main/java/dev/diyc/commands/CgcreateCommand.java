package dev.diyc.commands;

import dev.diyc.cgroup.Cgroup;
import dev.diyc.cgroup.GroupSpec;
import dev.diyc.cgroup.Hierarchy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cgcreate", mixinStandardHelpOptions = true,
        description = {"Create a cgroup, as libcgroup's cgcreate (post 003): a directory, made with mkdir(2), in each "
                + "cgroup tree that holds one of the controllers.",
                "  cgcreate -g memory,pids:box",
                "  cgcreate -g :box          (the cgroup v2 tree, naming no controller)",
                "NAME is diyc-PID-NAME on disk, so two diyc sessions never share one; diyc removes it on reset and on exit."})
final class CgcreateCommand extends NativeCommand {
    @Option(names = {"-g"}, required = true, paramLabel = "CONTROLLERS:NAME",
            description = "controllers and a name, e.g. memory,pids:box (repeatable)")
    List<String> groups = new ArrayList<>();

    @Override
    public Integer call() {
        for (String g : groups) {
            CgroupArgs.orUserError("cgcreate", () -> {
                GroupSpec spec = GroupSpec.parse(g);
                List<Hierarchy> trees = CgroupArgs.cgroups().treesFor(spec, inv.console()::say);
                inv.console().say(spec.name() + " is " + CgroupArgs.cgroups().dirName(spec.name())
                        + " on disk (unique to this diyc session), in " + String.join(", ", trees.stream().map(Hierarchy::describe).toList()));
                Cgroup made;
                try {
                    made = CgroupArgs.cgroups().create(spec, inv.console()::say);
                } finally {
                    // Whatever was made before a failure is recorded too, so that it is removed.
                    inv.lab().hostChanges().cgroups().made(CgroupArgs.cgroups().find(spec.name()));
                }
                return made;
            });
        }
        return 0;
    }
}
