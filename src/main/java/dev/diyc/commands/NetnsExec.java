package dev.diyc.commands;

import dev.diyc.ns.NsThread;
import dev.diyc.ns.OneShot;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Syscalls;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ip netns exec NAME CMD}: iproute2 opens /run/netns/NAME, calls setns(fd, CLONE_NEWNET) and
 * execs CMD. diyc does the same with the host context's thread: setns into NAME, then CMD (diyc's
 * own ip or ping, or a program spawned from that thread, which inherits the namespace), then setns
 * back to the host's network namespace. iproute2 also gives CMD a mount namespace with a fresh
 * /sys; diyc leaves that out, and says so in ip --help's words.
 */
final class NetnsExec {
    private NetnsExec() {}

    static int run(Path named, List<String> command, Invocation inv) {
        NsThread thread = inv.ctx().thread();
        String name = named.getFileName().toString();
        int nsFd = Syscalls.open(named.toString(), Syscalls.O_RDONLY);
        int hostFd = Syscalls.open("/proc/self/ns/net", Syscalls.O_RDONLY); // the main thread never leaves the host's
        try {
            thread.call(() -> {
                Syscalls.setns(nsFd, Flags.CLONE_NEWNET, "the host context's thread joins " + name + "'s network namespace for this command");
                return null;
            });
            try {
                String program = command.get(0);
                List<String> args = command.subList(1, command.size());
                if (NativeCommands.handles(program, args)) {
                    return NativeCommands.run(program, args, inv);
                }
                return OneShot.run(thread, command, inv.console());
            } finally {
                thread.call(() -> {
                    Syscalls.setns(hostFd, Flags.CLONE_NEWNET, "and back to the host's");
                    return null;
                });
            }
        } finally {
            Syscalls.close(nsFd);
            Syscalls.close(hostFd);
        }
    }
}
