package dev.diyc.commands;

import dev.diyc.sys.Syscalls.Ipc;
import dev.diyc.view.Ipcs;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ipcs", mixinStandardHelpOptions = true,
        description = "The System V IPC objects of the context's IPC namespace, as util-linux's ipcs, read from /proc/sysvipc.")
final class IpcsCommand extends NativeCommand {
    @Option(names = {"-q", "--queues"}, description = "message queues only") boolean queues;
    @Option(names = {"-m", "--shmems"}, description = "shared memory only") boolean shmems;
    @Option(names = {"-s", "--semaphores"}, description = "semaphores only") boolean semaphores;

    @Override
    public Integer call() {
        List<Ipc> kinds = new ArrayList<>();
        if (queues) kinds.add(Ipc.QUEUE);
        if (shmems) kinds.add(Ipc.SHM);
        if (semaphores) kinds.add(Ipc.SEM);
        inv.console().out(Ipcs.format(inv.ctx(), kinds.isEmpty() ? List.of(Ipc.QUEUE, Ipc.SHM, Ipc.SEM) : kinds));
        return 0;
    }
}
