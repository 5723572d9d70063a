package dev.diyc.commands;

import dev.diyc.term.UserError;
import dev.diyc.ns.ChrootEscape;
import dev.diyc.ns.Container;
import dev.diyc.ns.Namespace;
import dev.diyc.sys.Errno;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Why chroot is not isolation, shown for real: the container's thread, a root task whose root is the
 * jail, makes the classic escape's calls and the container's shell starts again where it lands.
 */
@Command(name = "chroot-escape", mixinStandardHelpOptions = true,
        description = {"Leave the container's chroot the classic way, as any root process in it could: chroot(DIR) into a "
                + "directory below, which leaves the working directory above the new root, chdir(\"..\") up to the top, "
                + "chroot(\".\"). The container's shell starts again there.",
                "It climbs no further than the top of the container's root mount: after pivot_root and umount -l there "
                + "is nothing above to reach."})
final class ChrootEscapeCommand extends NativeCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "an existing directory below the working directory (the jail's bin will do)")
    String dir;

    @Override
    public Integer call() {
        Container ctr = inv.container("chroot-escape", "has no chroot to leave");
        if (!ctr.rootChanged()) {
            throw new UserError("chroot-escape: the container's root is already the host's /, so there is no jail to leave; "
                    + "chroot into a directory first (ctr chroot jail)");
        }
        int jailed = ctr.pid();
        inv.console().say("diyc's container thread is root, and its root is the container's, like the shell's: "
                + "it makes the escape's calls itself, then starts the container's shell again where it lands");
        ctr.thread().call(() -> {
            Syscalls.followRootOf(jailed); // (quietly: the thread stands where the shell stands)
            return null;
        });
        ChrootEscape.Result r;
        try {
            r = ChrootEscape.climbOut(ctr.thread(), dir, inv.console()::say);
            try {
                ctr.shellFromThread();
            } catch (SyscallException e) {
                throw new UserError("chroot-escape: no shell could start at " + r.top() + " (" + Errno.message(e.errno())
                        + ": there is no /bin/sh from there); the container's shell stays where it was");
            }
        } catch (RuntimeException e) {
            ctr.thread().call(() -> {
                Syscalls.followRootOf(jailed);
                return null;
            });
            throw e;
        }
        if (!ctr.rootChanged()) {
            inv.console().say("a new shell (host PID " + ctr.pid() + ") started there: its root, and its working directory, are "
                    + "the host's /. It is out of the jail, still root, with every file of the host in reach; all it took "
                    + "was CAP_SYS_CHROOT");
        } else {
            inv.console().say("the climb ended at " + r.top() + ", not at the host's /: '..' led no higher. "
                    + (ctr.owns(Namespace.MNT) ? "That is the top of the container's own root mount; after pivot_root and "
                            + "umount -l the host's root is not above it, nor anywhere in its mount table. " : "")
                    + "The new shell (host PID " + ctr.pid() + ") is still in the container's root");
        }
        return 0;
    }
}
