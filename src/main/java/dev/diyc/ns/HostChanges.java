package dev.diyc.ns;

import dev.diyc.net.RtNetlink;
import dev.diyc.sys.SyscallException;
import dev.diyc.term.ShellQuote;
import dev.diyc.term.Sink;
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
    /** Named network namespaces made with host ip netns add. */
    private final Set<String> netns = new LinkedHashSet<>();
    /** Whether diyc made /run/netns itself (then it goes with the last name). */
    private boolean madeNetnsDir;
    /** MASQUERADE rules added with host iptables: the argv that added each, and the argv that removes it. */
    private final java.util.Map<List<String>, List<String>> nat = new java.util.LinkedHashMap<>();
    /** The host's ip_forward when diyc started: put back if the learner changed it. */
    private final String ipForward;
    private final Lifeline lifeline;
    private final CgroupChanges cgroups;

    /** Must be made on a thread in the host's network namespace (ip_forward is per namespace). */
    HostChanges(Lifeline lifeline) {
        this.lifeline = lifeline;
        this.cgroups = new CgroupChanges(lifeline);
        this.ipForward = read(IP_FORWARD);
        if (ipForward != null) {
            lifeline.undoWhenGone("ip_forward", "[ \"$(cat " + IP_FORWARD + ")\" = " + ipForward + " ] || echo " + ipForward + " > " + IP_FORWARD);
        }
    }

    private static final String IP_FORWARD = "/proc/sys/net/ipv4/ip_forward";

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file)).strip();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** {@code iptables -t nat -A POSTROUTING ... -j MASQUERADE}, run with the machine's tool and recorded. */
    public synchronized int addMasquerade(NsThread hostThread, Masquerade.Tool tool, String source, String out, Sink to) {
        Masquerade.requireSafe("network", source);
        Masquerade.requireSafe("link name", out);
        List<String> add = Masquerade.add(tool, source, out);
        List<String> undo = Masquerade.remove(tool, source, out);
        if (nat.containsKey(add)) {
            throw new dev.diyc.term.UserError("iptables: diyc has already added that rule (iptables -t nat -S lists it)");
        }
        int status = runTool(hostThread, add, to);
        if (status == 0) {
            nat.put(add, undo);
            lifeline.undoWhenGone(natKey(undo), Masquerade.shellLine(undo));
        }
        return status;
    }

    /** {@code iptables -t nat -D POSTROUTING ...}: the rule goes, and is no longer diyc's to undo. */
    public synchronized int deleteMasquerade(NsThread hostThread, Masquerade.Tool tool, String source, String out, Sink to) {
        List<String> add = Masquerade.add(tool, source, out);
        List<String> undo = Masquerade.remove(tool, source, out);
        if (tool == Masquerade.Tool.NFT && !nat.containsKey(add)) {
            throw new dev.diyc.term.UserError("iptables: there is no such rule of diyc's to delete (iptables -t nat -S lists them)");
        }
        if (tool == Masquerade.Tool.NFT && nat.size() > 1) {
            to.out("  · diyc's rules share one nft table, and deleting it deletes them all\n");
        }
        int status = runTool(hostThread, undo, to);
        if (status == 0) {
            // nft's undo deletes diyc's whole table: every rule recorded with that undo is gone
            nat.values().removeIf(undo::equals);
            lifeline.forget(natKey(undo));
        }
        return status;
    }

    private static String natKey(List<String> undo) {
        return "nat:" + Integer.toHexString(undo.hashCode());
    }

    public int listNat(NsThread hostThread, Masquerade.Tool tool, Sink to) {
        if (tool == Masquerade.Tool.NFT && nat.isEmpty()) {
            to.out("(diyc's nft table " + Masquerade.nftTable() + " has no rule yet)\n");
            return 0;
        }
        return runTool(hostThread, Masquerade.list(tool), to);
    }

    /** Runs iptables or nft from the host's thread, showing the command as the learner would type it. */
    private static int runTool(NsThread hostThread, List<String> argv, Sink to) {
        to.out("  · diyc runs: " + ShellQuote.line(argv) + "\n");
        return OneShot.run(hostThread, argv, to);

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
        if (!java.nio.file.Files.exists(NamedNetns.DIR)) {
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

    private void removeNat(NsThread hostThread, boolean quiet, Sink say, List<String> deleted) {
        if (nat.isEmpty()) {
            return;
        }
        if (!quiet) {
            say.out("  · diyc removes the NAT rule it added on the host\n");
        }
        for (List<String> undo : new LinkedHashSet<>(nat.values())) {
            runTool(hostThread, undo, quiet ? new Sink.Capture() : say);
            lifeline.forget(natKey(undo));
            deleted.add("nat rule");
        }
        nat.clear();
    }

    /** ip_forward back to what it was when diyc started, if the learner changed it. */
    private void restoreIpForward(NsThread hostThread, boolean quiet, Sink say, List<String> deleted) {
        if (ipForward == null || ipForward.equals(hostThread.call(() -> read(IP_FORWARD)))) {
            return;
        }
        if (!quiet) {
            say.out("  · diyc puts the host's ip_forward back to " + ipForward + ", as it was\n");
        }
        hostThread.call(() -> dev.diyc.sys.Syscalls.writeFile(IP_FORWARD, ipForward + "\n", null));
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
            removeNetns(hostThread, quiet, say, deleted);
            removeNat(hostThread, quiet, say, deleted);
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
