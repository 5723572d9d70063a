package dev.diyc.commands;

import dev.diyc.ns.Container;
import dev.diyc.ns.HostContext;
import dev.diyc.ns.Namespace;
import dev.diyc.sys.Syscalls.Ipc;
import dev.diyc.sys.Syscalls;
import dev.diyc.term.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ipcmk", mixinStandardHelpOptions = true,
        description = "Create a System V IPC object in the context's IPC namespace, as util-linux's ipcmk (msgget, shmget, semget).")
final class IpcmkCommand extends NativeCommand {
    @Option(names = {"-Q", "--queue"}, description = "a message queue") boolean queue;
    @Option(names = {"-M", "--shmem"}, paramLabel = "SIZE", description = "a shared memory segment of SIZE bytes") Long shmem;
    @Option(names = {"-S", "--semaphore"}, paramLabel = "N", description = "an array of N semaphores") Integer semaphores;
    @Option(names = {"-p", "--mode"}, paramLabel = "MODE", defaultValue = "0644", description = "permissions, in octal (default 0644)") String mode;

    @Override
    public Integer call() {
        int kinds = (queue ? 1 : 0) + (shmem != null ? 1 : 0) + (semaphores != null ? 1 : 0);
        if (kinds != 1) {
            throw new UserError("ipcmk: make one thing: -Q (a message queue), -M SIZE (shared memory) or -S N (semaphores)");
        }
        Ipc kind = queue ? Ipc.QUEUE : shmem != null ? Ipc.SHM : Ipc.SEM;
        long size = shmem != null ? shmem : semaphores != null ? semaphores : 0;
        int perms;
        try {
            perms = Integer.parseInt(mode, 8) & 0777;
        } catch (NumberFormatException e) {
            throw new UserError("ipcmk: the mode is octal, such as 0644");
        }
        int id = inv.ctx().thread().call(() -> Syscalls.ipcCreate(kind, size, perms));
        // Made in the host's IPC namespace (from the host, or from a ctr that still shares it): undone like
        // every host change, on reset, on exit and by the lifeline.
        if (inv.ctx() instanceof HostContext || inv.ctx() instanceof Container c && !c.owns(Namespace.IPC)) {
            inv.lab().hostChanges().ipcCreated(kind, id);
        }
        inv.console().out(switch (kind) {
            case QUEUE -> "Message queue id: " + id + "\n";
            case SHM -> "Shared memory id: " + id + "\n";
            case SEM -> "Semaphore id: " + id + "\n";
        });
        return 0;
    }
}
