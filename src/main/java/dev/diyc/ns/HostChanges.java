package dev.diyc.ns;

import dev.diyc.net.RtNetlink;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import dev.diyc.sys.Syscalls.Ipc;
import dev.diyc.term.Sink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What diyc changed on the host on the learner's behalf (links made with {@code host ip link add},
 * IPC objects, cgroups made with cgcreate), recorded when made and undone on reset, at a lesson's
 * start, on exit, and by the lifeline if diyc is killed. A link whose peer went into a container
 * needs nothing: a veth pair dies whole with the container's network namespace. A bridge, or a pair
 * left on the host, stays until undone. A cgroup goes once it is empty, so it is undone after the
 * containers have ended.
 */
public final class HostChanges {
    private static final String IP_FORWARD = "/proc/sys/net/ipv4/ip_forward";
    private final Set<String> links = new LinkedHashSet<>();
    /** IPC objects made with host ipcmk, as "KIND ID". */
    private final Set<String> ipcs = new LinkedHashSet<>();
    /** Named network namespaces made with host ip netns add. */
    private final Set<String> netns = new LinkedHashSet<>();
    /** Whether diyc made /run/netns itself (then it goes with the last name). */
    private boolean madeNetnsDir;
    /** The host's ip_forward when diyc started: put back if the learner changed it. */
    private final String ipForward;
    private final Lifeline lifeline;
    private final CgroupChanges cgroups;
    private final NatChanges nat;

    /** Must be made on a thread in the host's network namespace (ip_forward is per namespace). */
    HostChanges(Lifeline lifeline) {
        this.lifeline = lifeline;
        this.cgroups = new CgroupChanges(lifeline);
        this.nat = new NatChanges(lifeline);
        this.ipForward = read(IP_FORWARD);
        if (ipForward != null) {
            lifeline.undoWhenGone("ip_forward", "[ \"$(cat " + IP_FORWARD + ")\" = " + ipForward + " ] || echo " + ipForward + " > " + IP_FORWARD);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** The NAT rules added in this session, to be removed with the rest. */
    public NatChanges nat() {
        return nat;
    }

    /** The cgroups made in this session, to be removed with the rest. */
    public CgroupChanges cgroups() {
        return cgroups;
    }

    public synchronized void ipcCreated(Ipc kind, int id) {
        if (ipcs.add(kind + " " + id)) {
            lifeline.watchIpc(kind, id);
        }
    }

    /** The learner removed it with host ipcrm: nothing left to undo. */
    public synchronized void ipcRemoved(Ipc kind, int id) {
        if (ipcs.remove(kind + " " + id)) {
            lifeline.forgetIpc(kind, id);
        }
    }

    /** {@code ip netns add NAME} on the host, recorded. */
    public synchronized void addNetns(String name) {
        boolean madeDir = NamedNetns.add(name);
        madeNetnsDir |= madeDir;
        netns.add(name);
        lifeline.undoWhenGone("netns:" + name, NamedNetns.undoCommand(name, madeDir));
    }

    /** {@code ip netns del NAME} on the host; /run/netns goes too if diyc made it and it is empty. */
    public synchronized void deleteNetns(String name) {
        NamedNetns.delete(name, madeNetnsDir);
        forgetNetns(name);
    }

    private void forgetNetns(String name) {
        if (netns.remove(name)) {
            lifeline.forget("netns:" + name);
        }
        if (!Files.exists(NamedNetns.DIR)) {
            madeNetnsDir = false;
        }
    }

    private void removeNetns(NsThread hostThread, boolean quiet, Sink say, List<String> deleted) {
        if (netns.isEmpty()) {
            return;
        }
        if (!quiet) {
            say.out("  · diyc removes the named network namespaces it made: " + String.join(", ", netns) + "\n");
        }
        for (String name : List.copyOf(netns)) {
            try {
                hostThread.call(() -> {
                    NamedNetns.delete(name, madeNetnsDir);
                    return null;
                });
                deleted.add("netns " + name);
            } catch (RuntimeException e) {
                // the learner removed it another way
            }
            forgetNetns(name);
        }
    }

    /** ip_forward back to what it was when diyc started, if the learner changed it. */
    private void restoreIpForward(NsThread hostThread, boolean quiet, Sink say, List<String> deleted) {
        if (ipForward == null || ipForward.equals(hostThread.call(() -> read(IP_FORWARD)))) {
            return;
        }
        if (!quiet) {
            say.out("  · diyc puts the host's ip_forward back to " + ipForward + ", as it was\n");
        }
        hostThread.call(() -> Syscalls.writeFile(IP_FORWARD, ipForward + "\n", null));
        deleted.add("ip_forward");
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
            var kind = Ipc.valueOf(f[0]);
            int id = Integer.parseInt(f[1]);
            try {
                hostThread.call(() -> {
                    Syscalls.ipcRemove(kind, id, null);
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
        return switch (Ipc.valueOf(f[0])) {
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
        Supplier<Void> work = () -> {
            cgroups.undo(quiet, say, deleted);
            removeIpcs(hostThread, quiet, say, deleted);
            removeNetns(hostThread, quiet, say, deleted);
            nat.undo(hostThread, quiet, say, deleted);
            restoreIpForward(hostThread, quiet, say, deleted);
            deleteLinks(hostThread, quiet, say, deleted);
            return null;
        };
        if (quiet) {
            hostThread.recorder().quietly(work);
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
                // A veth whose peer is in another namespace goes with that namespace (the containers
                // have just ended, and the kernel tears a namespace down a moment later): not ours to delete.
                Set<String> present = new LinkedHashSet<>();
                nl.links().stream().filter(l -> !l.peerElsewhere()).forEach(l -> present.add(l.name()));
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
