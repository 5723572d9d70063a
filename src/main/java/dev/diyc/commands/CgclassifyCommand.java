package dev.diyc.commands;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "cgclassify", mixinStandardHelpOptions = true,
        description = {"Move running processes into a cgroup, as libcgroup's cgclassify: each PID written to cgroup.procs "
                + "in each tree. The whole process moves, all its threads; children it already has stay where they are.",
                "  cgclassify -g memory,pids:box $CTR",
                "The same by hand, in the host's shell (whose parent, $PPID, is diyc):",
                "  echo $CTR > /sys/fs/cgroup/pids/diyc-$PPID-box/cgroup.procs   (v1)",
                "  echo $CTR > /sys/fs/cgroup/diyc-$PPID-box/cgroup.procs        (v2)"})
final class CgclassifyCommand extends NativeCommand {
    @Mixin
    CgroupArgs.JoinOptions join = new CgroupArgs.JoinOptions();

    @Parameters(arity = "1..*", paramLabel = "PID", description = "host PIDs, such as $CTR")
    List<String> pids = new ArrayList<>();

    @Override
    public Integer call() {
        var targets = CgroupArgs.targets("cgclassify", join.groups, inv.console()::say);
        for (String p : pids) {
            CgroupArgs.attach("cgclassify", targets, CgroupArgs.pid("cgclassify", p), null);
        }
        return 0;
    }
}
