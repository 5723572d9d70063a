package dev.diyc.commands;

import dev.diyc.ns.Container;
import dev.diyc.ns.HostContext;
import dev.diyc.ns.Namespace;
import dev.diyc.sys.Syscalls.Ipc;
import dev.diyc.sys.Syscalls;
import dev.diyc.term.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ipcrm", mixinStandardHelpOptions = true,
        description = "Remove a System V IPC object of the context's IPC namespace by id (msgctl, shmctl, semctl with IPC_RMID).")
final class IpcrmCommand extends NativeCommand {
    @Option(names = {"-q", "--queue-id"}, paramLabel = "ID") Integer queue;
    @Option(names = {"-m", "--shmem-id"}, paramLabel = "ID") Integer shmem;
    @Option(names = {"-s", "--semaphore-id"}, paramLabel = "ID") Integer semaphore;

    @Override
    public Integer call() {
        if ((queue != null ? 1 : 0) + (shmem != null ? 1 : 0) + (semaphore != null ? 1 : 0) != 1) {
            throw new UserError("ipcrm: name one object: -q ID, -m ID or -s ID (ipcs lists them)");
        }
        Ipc kind = queue != null ? Ipc.QUEUE : shmem != null ? Ipc.SHM : Ipc.SEM;
        int id = queue != null ? queue : shmem != null ? shmem : semaphore;
        inv.ctx().thread().call(() -> {
            Syscalls.ipcRemove(kind, id, null);
            return null;
        });
        if (inv.ctx() instanceof HostContext || inv.ctx() instanceof Container c && !c.owns(Namespace.IPC)) {
            inv.lab().hostChanges().ipcRemoved(kind, id);
        }
        return 0;
    }
}
