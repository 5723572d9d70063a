package dev.diyc.ns;

import dev.diyc.net.RtNetlink;
import dev.diyc.sys.CallLog;
import dev.diyc.sys.SyscallException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What diyc changed on the host on the learner's behalf (links made with {@code host ip link add},
 * IPC objects, cgroups made with cgcreate), recorded when made and undone on reset, at a lesson's
 * start, on exit, and by the lifeline if diyc is killed. A link whose peer went into a container
 * needs nothing: a veth pair dies whole with the container's network namespace. A bridge, or a pair
 * left on the host, stays until undone. A cgroup goes once it is empty, so it is undone after the
 * containers have ended.
 */
public final class HostChanges {
    private final Set<String> links = new LinkedHashSet<>();
    /** IPC objects made with host ipcmk, as "KIND ID". */
    private final Set<String> ipcs = new LinkedHashSet<>();
    private final Lifeline lifeline;
    private final CgroupChanges cgroups;

    HostChanges(Lifeline lifeline) {
        this.lifeline = lifeline;
        this.cgroups = new CgroupChanges(lifeline);
    }

    /** The cgroups made in this session, to be removed with the rest. */
    public CgroupChanges cgroups() {
        return cgroups;
    }

    public synchronized void ipcCreated(dev.diyc.sys.Syscalls.Ipc kind, int id) {
        if (ipcs.add(kind + " " + id)) {
            lifeline.watchIpc(kind, id);
        }
    }

    /** The learner removed it with host ipcrm: nothing left to undo. */
    public synchronized void ipcRemoved(dev.diyc.sys.Syscalls.Ipc kind, int id) {
        if (ipcs.remove(kind + " " + id)) {
            lifeline.forgetIpc(kind, id);
        }
    }

    public synchronized void linkCreated(String name) {
        if (links.add(name)) {
            lifeline.watchLink(name);
        }
    }

    /** Removes the IPC objects made on the host, from the host's thread (its IPC namespace). */
    private void removeIpcs(NsThread hostThread, boolean quiet, Sink say, List<String> deleted) {
        if (ipcs.isEmpty()) {
            return;
        }
        if (!quiet) {
            say.out("  · diyc removes the IPC objects it made on the host for you: "
                    + String.join(", ", ipcs.stream().map(HostChanges::describe).toList()) + "\n");
        }
        for (String entry : ipcs) {
            String[] f = entry.split(" ");
            var kind = dev.diyc.sys.Syscalls.Ipc.valueOf(f[0]);
            int id = Integer.parseInt(f[1]);
            try {
                hostThread.call(() -> {
                    dev.diyc.sys.Syscalls.ipcRemove(kind, id, null);
                    return null;
                });
                deleted.add(entry);
            } catch (SyscallException e) {
                // removed meanwhile by another way
            }
            lifeline.forgetIpc(kind, id);
        }
        ipcs.clear();
    }

    /** "QUEUE 7" as a learner reads it: "message queue 7". */
    private static String describe(String entry) {
        String[] f = entry.split(" ");
        return switch (dev.diyc.sys.Syscalls.Ipc.valueOf(f[0])) {
            case QUEUE -> "message queue " + f[1];
            case SHM -> "shared memory " + f[1];
            case SEM -> "semaphore array " + f[1];
        };
    }

    /**
     * Undoes what is recorded and still there (cgroups, IPC objects, links), from the host's thread.
     *
     * @param quiet keep it out of the transcript (leaving diyc)
     * @param say where to say, first, what is being undone
     * @return what was undone
     */
    public synchronized List<String> undo(NsThread hostThread, boolean quiet, Sink say) {
        List<String> deleted = new ArrayList<>();
        java.util.function.Supplier<Void> work = () -> {
            cgroups.undo(quiet, say, deleted);
            removeIpcs(hostThread, quiet, say, deleted);
            deleteLinks(hostThread, quiet, say, deleted);
            return null;
        };
        if (quiet) {
            CallLog.silently(work);
        } else {
            work.get();
        }
        return deleted;
    }

    /** Deletes the recorded links that still exist (a veth whose peer went into a container may be gone already). */
    private void deleteLinks(NsThread hostThread, boolean quiet, Sink say, List<String> deleted) {
        if (links.isEmpty()) {
            return;
        }
        hostThread.call(() -> {
            try (RtNetlink nl = RtNetlink.open().recordReads(false)) {
                Set<String> present = new LinkedHashSet<>();
                nl.links().forEach(l -> present.add(l.name()));
                if (!quiet && links.stream().anyMatch(present::contains)) {
                    say.out("  · diyc undoes what it made on the host for you: "
                            + String.join(", ", links.stream().filter(present::contains).toList()) + "\n");
                }
                for (String name : links) {
                    if (present.contains(name)) {
                        try {
                            nl.delete(name);
                            deleted.add(name);
                        } catch (SyscallException e) {
                            // gone meanwhile (its peer's namespace ended): nothing to undo
                        }
                    }
                }
            }
            return null;
        });
        links.forEach(lifeline::forgetLink);
        links.clear();
    }
}
