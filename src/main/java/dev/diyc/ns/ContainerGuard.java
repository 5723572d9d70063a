package dev.diyc.ns;

import dev.diyc.guard.Guard;
import dev.diyc.guard.GuardMessages;
import dev.diyc.guard.GuardPolicy;
import dev.diyc.guard.HostNamespace;
import dev.diyc.guard.Restriction;
import dev.diyc.term.Sink;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The guard a container's programs start under (see {@link GuardPolicy}), chosen by what it still
 * shares with the host, and diyc's words for what the guard stopped, in place of the program's own
 * ("you must be root", said to root).
 */
final class ContainerGuard {
    private static final String DMESG = "dmesg(1) may have more information after failed mount system call";
    private final String name;
    /** diyc itself and its lifeline: no ctr program may signal them while the PID namespace is the host's. */
    private final Set<Integer> protectedPids;
    /** What the learner took away from the container's programs (capsh --drop, seccomp --deny), put on after the guard. */
    private final Supplier<Restriction> learners;

    ContainerGuard(String name, Lifeline lifeline, Supplier<Restriction> learners) {
        this.name = name;
        this.protectedPids = Set.of((int) ProcessHandle.current().pid(), lifeline.pid());
        this.learners = learners;
    }

    /** For a program started from the container's thread (or a helper that makes the namespaces not in {@code shared}). */
    Guard of(Set<HostNamespace> shared) {
        return GuardPolicy.forContext(shared, protectedPids).with(learners.get());
    }

    /** For nsenter into the container's own user namespace (see {@link GuardPolicy#forNsenter}). */
    Guard ofNsenter(Set<HostNamespace> shared) {
        return GuardPolicy.forNsenter(shared, protectedPids);
    }

    /** What stays shared once the namespaces in {@code flags} are the container's own. */
    static Set<HostNamespace> without(Set<HostNamespace> shared, long flags) {
        Set<HostNamespace> left = EnumSet.noneOf(HostNamespace.class);
        shared.stream().filter(n -> (n.cloneFlag() & flags) == 0).forEach(left::add);
        return left;
    }

    /**
     * A sink that prints diyc's line instead of a program's complaint about a call the guard refused,
     * and drops mount's follow-up about dmesg, which has nothing to say about a seccomp refusal. A shell
     * writes its complaints in pieces ("sh: 1: ", "kill: ...", "\n"), so stderr is held until its line
     * ends, until stdout has something, or until {@link Explaining#flush()} when the command is over.
     */
    Explaining explaining(Sink to, Set<HostNamespace> shared) {
        return new Explaining(to, shared);
    }

    final class Explaining implements Sink {
        private final Sink to;
        private final Set<HostNamespace> shared;
        private final StringBuilder pending = new StringBuilder();
        private boolean replaced;

        private Explaining(Sink to, Set<HostNamespace> shared) {
            this.to = to;
            this.shared = shared;
        }

        @Override
        public synchronized void out(String text) {
            flush();
            to.out(text);
        }

        @Override
        public synchronized void err(String text) {
            pending.append(text);
            int nl;
            while ((nl = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, nl + 1);
                pending.delete(0, nl + 1);
                line(line);
            }
        }

        /** What is left of a line without its newline goes out as it is. */
        synchronized void flush() {
            if (pending.length() > 0) {
                to.err(pending.toString());
                pending.setLength(0);
            }
        }

        private void line(String line) {
            if (replaced && line.contains(DMESG)) {
                return;
            }
            Optional<String> mine = GuardMessages.explain(line, shared, name);
            replaced = mine.isPresent();
            to.err(mine.map(l -> l + "\n").orElse(line));
        }
    }
}
