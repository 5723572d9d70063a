package dev.diyc.guard;

import dev.diyc.sys.Capabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a context's programs are started under, chosen by the namespaces it still shares with the
 * host: a seccomp program, and capabilities taken away.
 *
 * @param shared the namespaces it was chosen for
 * @param droppedCapabilities a capability set (bit n is capability n)
 * @param learners what the learner took away on top ({@code capsh --drop}, {@code seccomp --deny}), or null
 */
public record Guard(Set<HostNamespace> shared, AuditArch arch, BpfProgram program, long droppedCapabilities,
        Restriction learners) {
    public Guard {
        shared = Set.copyOf(shared);
    }

    public Guard(Set<HostNamespace> shared, AuditArch arch, BpfProgram program, long droppedCapabilities) {
        this(shared, arch, program, droppedCapabilities, null);
    }

    /** The same guard, with the learner's own restriction put on after it (null: none). */
    public Guard with(Restriction learner) {
        return new Guard(shared, arch, program, droppedCapabilities, learner);
    }

    /** The program as a learner reads it, then the capabilities, for {@code explain guard} or a lesson. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>(BpfDecoder.decode(program, arch));
        if (droppedCapabilities != 0) {
            lines.add("capabilities taken away: " + Capabilities.format(droppedCapabilities));
        }
        return lines;
    }
}
