package dev.diyc.guard;

import dev.diyc.sys.Capabilities;
import dev.diyc.sys.Restrict;
import java.util.ArrayList;
import java.util.List;

/**
 * What a learner took away from a container's next shell: capabilities ({@code capsh --drop},
 * {@code run --cap-drop}) and seccomp filters ({@code seccomp --deny}), installed by
 * {@link GuardedSpawn} on a thread that exists only to spawn. Both only ever shrink: a second
 * restriction adds to the first, as a second capsh or a second filter does in the kernel.
 *
 * @param droppedCapabilities a capability set (bit n is capability n)
 * @param filters seccomp programs, in the order they are installed (the kernel runs them all)
 */
public record Restriction(long droppedCapabilities, List<BpfProgram> filters) {
    public Restriction {
        filters = List.copyOf(filters);
    }

    public static Restriction dropping(long capabilities) {
        return new Restriction(capabilities, List.of());
    }

    public static Restriction filtering(BpfProgram filter) {
        return new Restriction(0, List.of(filter));
    }

    /** This one and then {@code more}: every capability either drops, every filter of both. */
    public Restriction and(Restriction more) {
        List<BpfProgram> all = new ArrayList<>(filters);
        all.addAll(more.filters);
        return new Restriction(droppedCapabilities | more.droppedCapabilities, all);
    }

    /**
     * Restricts the calling thread, for good: only ever on a thread that exists to spawn. Capabilities
     * first, as capsh drops them, without no_new_privs (capsh does not set it: for root, a program
     * exec'd gets only what the bounding set still has). A filter needs no_new_privs first (or
     * CAP_SYS_ADMIN, which the capabilities above may have just dropped).
     */
    void install() {
        if (droppedCapabilities != 0) {
            Restrict.dropCapabilities(droppedCapabilities, "gone from the bounding set, no program started from here can get "
                    + Capabilities.format(droppedCapabilities).replace("1<<", "") + " back, root or not");
        }
        if (!filters.isEmpty()) {
            Restrict.noNewPrivs("a seccomp filter demands it (or CAP_SYS_ADMIN): no setuid program can gain privileges under it");
        }
        for (BpfProgram f : filters) {
            Restrict.seccompFilter(f.bytes(), "on a thread started only to spawn the shell: the shell and all it starts inherit "
                    + "the filter, which goes when that thread ends");
        }
    }
}
