package dev.diyc.commands;

import dev.diyc.ns.HostEnv;
import dev.diyc.ns.OneShot;
import dev.diyc.sys.Errno;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "chroot", mixinStandardHelpOptions = true,
        description = {"Run a command (default: a shell, which becomes the container's) with DIR as its root, using chroot(2).",
                "chroot changes only the root of the calling thread and its children: no namespace, and a root process can walk back out."})
final class ChrootCommand extends NativeCommand {
    @Parameters(index = "0", paramLabel = "DIR")
    String dir;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        var ctr = inv.container("chroot", "would change the root of diyc's host shell");
        if (command.isEmpty()) {
            ctr.chrootShell(dir);
            return 0;
        }
        ctr.inShellCwd(() -> {
            Syscalls.chroot(dir, null);
            Syscalls.chdir("/", null);
            return null;
        });
        try {
            // As the container's shell would run chroot: in its PID namespace and cgroups.
            return OneShot.run(stdio -> ctr.spawnInside("chroot", command, HostEnv.get(), stdio, true), inv.console());
        } catch (SyscallException e) {
            if (e.errno() == Errno.ENOENT) {
                inv.console().err("chroot: failed to run command '" + command.get(0) + "': No such file or directory\n");
                return 127;
            }
            throw e;
        } finally {
            // The command is over: diyc's thread goes back to where the container's shell is.
            ctr.thread().call(() -> {
                Syscalls.followRootOf(ctr.pid());
                return null;
            });
        }
    }
}
