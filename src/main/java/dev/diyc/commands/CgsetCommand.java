package dev.diyc.commands;

import dev.diyc.cgroup.Cgroup;
import dev.diyc.cgroup.GroupSpec;
import dev.diyc.term.UserError;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cgset", mixinStandardHelpOptions = true,
        description = {"Set a cgroup's limits, as libcgroup's cgset (post 003): a write(2) to a file.",
                "  cgset -r memory.limit_in_bytes=100M box",
                "  cgset -r memory.max=64m box",
                "  cgset -r pids.max=20 box",
                "Either version's file names work: diyc writes the one this machine's tree has, and says so. "
                + "Sizes take K, M, G (powers of 1024); max is no limit.",
                "A memory limit also holds swap at nothing beyond it, so that past the limit the OOM killer acts."})
final class CgsetCommand extends NativeCommand {
    @Option(names = {"-r"}, required = true, paramLabel = "FILE=VALUE", description = "e.g. memory.limit_in_bytes=32M, pids.max=10 (repeatable)")
    List<String> settings = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "the cgroup(s), as named in cgcreate")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        for (String name : names) {
            Cgroup cg = CgroupArgs.orUserError("cgset", () -> CgroupArgs.cgroups().require(GroupSpec.name(name)));
            for (String r : settings) {
                int eq = r.indexOf('=');
                if (eq <= 0) {
                    throw new UserError("cgset: -r takes FILE=VALUE, such as memory.limit_in_bytes=32M");
                }
                CgroupArgs.orUserError("cgset", () -> {
                    CgroupArgs.cgroups().set(cg, r.substring(0, eq), r.substring(eq + 1), inv.console()::say);
                    return null;
                });
            }
        }
        return 0;
    }
}
