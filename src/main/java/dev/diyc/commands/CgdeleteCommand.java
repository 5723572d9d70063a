package dev.diyc.commands;

import dev.diyc.term.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cgdelete", mixinStandardHelpOptions = true,
        description = {"Remove a cgroup, as libcgroup's cgdelete: rmdir(2) of its directory in each tree. A cgroup can "
                + "only go once empty: as libcgroup does, what still runs in it moves to the parent first.",
                "  cgdelete -g memory,pids:box"})
final class CgdeleteCommand extends NativeCommand {
    @Option(names = {"-g"}, paramLabel = "CONTROLLERS:NAME", description = "e.g. memory,pids:box (repeatable)")
    List<String> groups = new ArrayList<>();

    @Option(names = {"-r", "--recursive"}, description = "remove its sub-cgroups too") boolean recursive;

    @Parameters(arity = "0..*", paramLabel = "CONTROLLERS:NAME", description = "the same as -g")
    List<String> more = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(groups);
        all.addAll(more);
        if (all.isEmpty()) {
            throw new UserError("cgdelete: which cgroup? e.g. cgdelete -g memory,pids:box");
        }
        for (var t : CgroupArgs.targets("cgdelete", all, inv.console()::say)) {
            List<Path> removed = new ArrayList<>();
            try {
                removed.addAll(CgroupArgs.cgroups().remove(t.cgroup(), t.trees(), recursive, inv.console()::say));
            } finally {
                inv.lab().hostChanges().cgroups().removed(t.cgroup(), removed);
            }
        }
        return 0;
    }
}
