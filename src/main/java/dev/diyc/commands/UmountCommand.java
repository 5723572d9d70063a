package dev.diyc.commands;

import dev.diyc.ns.Namespace;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Syscalls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "umount", mixinStandardHelpOptions = true, description = "Unmount a filesystem in the container, with umount2(2).")
final class UmountCommand extends NativeCommand {
    @Option(names = {"-l", "--lazy"}, description = "detach now, clean up when no longer busy (MNT_DETACH)")
    boolean lazy;

    @Option(names = {"-f", "--force"}, description = "force (MNT_FORCE)")
    boolean force;

    @Option(names = {"-n", "--no-mtab"}, hidden = true)
    boolean noMtab;

    @Parameters(paramLabel = "PATH")
    String path;

    @Override
    public Integer call() {
        var ctr = inv.container("umount", "would change the host's mounts");
        ctr.requireOwn(Namespace.MNT, "unmounting", "unshare --mount");
        int flags = (lazy ? Flags.MNT_DETACH : 0) | (force ? Flags.MNT_FORCE : 0);
        ctr.inShellCwd(() -> {
            Syscalls.umount2(path, flags);
            return null;
        });
        return 0;
    }
}
