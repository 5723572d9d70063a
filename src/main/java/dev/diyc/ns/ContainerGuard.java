package dev.diyc.ns;

import dev.diyc.guard.Guard;
import dev.diyc.guard.GuardMessages;
import dev.diyc.guard.GuardPolicy;
import dev.diyc.guard.HostNamespace;
import dev.diyc.term.Sink;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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

    ContainerGuard(String name, Lifeline lifeline) {
        this.name = name;
        this.protectedPids = Set.of((int) ProcessHandle.current().pid(), lifeline.pid());
    }

    /** For a program started from the container's thread (or a helper that makes the namespaces not in {@code shared}). */
    Guard of(Set<HostNamespace> shared) {
        return GuardPolicy.forContext(shared, protectedPids);
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
     * and drops mount's follow-up about dmesg, which has nothing to say about a seccomp refusal.
     */
    Sink explaining(Sink to, Set<HostNamespace> shared) {
        return new Sink() {
            private boolean replaced;

            @Override
            public void out(String text) {
                to.out(text);
            }

            @Override
            public void err(String text) {
                if (replaced && text.contains(DMESG)) {
                    return;
                }
                Optional<String> mine = text.endsWith("\n") ? GuardMessages.explain(text, shared, name) : Optional.empty();
                replaced = mine.isPresent();
                to.err(mine.map(line -> line + "\n").orElse(text));
            }
        };
    }
}
