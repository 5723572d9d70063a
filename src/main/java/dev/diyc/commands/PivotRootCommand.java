package dev.diyc.commands;

import dev.diyc.ns.Namespace;
import dev.diyc.sys.Syscalls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pivot_root", mixinStandardHelpOptions = true,
        description = {"Make NEW_ROOT the root of the container's mount namespace and move the old root to PUT_OLD.",
                "NEW_ROOT must be a mount point (mount --bind rootfs rootfs); PUT_OLD must be under it. `pivot_root . .` stacks the old root on top of the new one."})
final class PivotRootCommand extends NativeCommand {
    @Parameters(index = "0", paramLabel = "NEW_ROOT")
    String newRoot;

    @Parameters(index = "1", paramLabel = "PUT_OLD")
    String putOld;

    @Override
    public Integer call() {
        var ctr = inv.container("pivot_root", "would change the root of every process on the machine");
        // pivot_root in the host's mount namespace moves the root of every process on the machine.
        ctr.requireOwn(Namespace.MNT, "pivot_root", "unshare --mount");
        ctr.inShellCwd(() -> {
            Syscalls.pivotRoot(newRoot, putOld);
            return null;
        });
        return 0;
    }
}
