package dev.diyc.commands;

import dev.diyc.guard.AuditArch;
import dev.diyc.guard.BpfDecoder;
import dev.diyc.guard.BpfProgram;
import dev.diyc.guard.DenyList;
import dev.diyc.guard.Guard;
import dev.diyc.guard.GuardPolicy;
import dev.diyc.guard.HostNamespace;
import dev.diyc.guard.Restriction;
import dev.diyc.ns.Container;
import dev.diyc.ns.Namespace;
import dev.diyc.sys.Capabilities;
import dev.diyc.term.UserError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A seccomp filter on the container's next shell (lesson 14). No util-linux tool installs one, so the
 * spelling follows the tools that do: systemd's {@code SystemCallFilter=~mkdir} (a deny list by name)
 * and {@code SystemCallErrorNumber=EPERM}, docker's {@code --security-opt seccomp=...} (a filter per
 * container, EPERM for what it refuses). diyc writes the classic-BPF program, prints it decoded, then
 * makes prctl(PR_SET_NO_NEW_PRIVS) and seccomp(SECCOMP_SET_MODE_FILTER) on a thread that exists only
 * to start the shell, never on one of its own.
 */
@Command(name = "seccomp", mixinStandardHelpOptions = true,
        description = {"Start the container's next shell under a seccomp filter that refuses some syscalls (lesson 14). "
                + "diyc prints the BPF program instruction by instruction, then installs it with prctl(PR_SET_NO_NEW_PRIVS) "
                + "and seccomp(SECCOMP_SET_MODE_FILTER) on a thread that exists only to start the shell.",
                "  seccomp --deny mkdir,mkdirat",
                "  seccomp --deny unshare --errno ENOSYS",
                "  seccomp --guard --dump",
                "--guard is the filter diyc's host guard chooses for the namespaces this context still shares.",
                "A second seccomp adds a filter (the kernel runs them all); exit ends the shell, and the next "
                        + "container has none. The host's shells are never filtered."})
final class SeccompCommand extends NativeCommand {
    @Option(names = "--deny", split = ",", paramLabel = "SYSCALL",
            description = "refuse these syscalls by name (both mkdir and mkdirat: libc picks either)")
    List<String> deny = new ArrayList<>();

    @Option(names = "--errno", paramLabel = "ERRNO", defaultValue = "EPERM", description = "what a refused call returns (default: EPERM, as docker)")
    String errno;

    @Option(names = "--guard", description = "the filter of diyc's host guard, for the namespaces this context still shares with the host")
    boolean guard;

    @Option(names = "--dump", description = "print the program only: install nothing")
    boolean dump;

    @Override
    public Integer call() {
        AuditArch arch = AuditArch.current();
        if (guard == !deny.isEmpty()) {
            throw new UserError("seccomp: either --deny SYSCALL,... or --guard (see seccomp --help)");
        }
        Restriction restriction = guard ? guardOf(arch) : denyList(arch);
        BpfProgram program = restriction.filters().get(0);
        inv.console().say("the filter, " + program.length() + " instructions (" + program.bytes().length
                + " bytes) of classic BPF the kernel runs on every syscall, reading struct seccomp_data:");
        BpfDecoder.decode(program, arch).forEach(inv.console()::plain);
        if (restriction.droppedCapabilities() != 0) {
            inv.console().plain("and the capabilities the guard takes away: " + Capabilities.decode(restriction.droppedCapabilities()));
        }
        if (dump) {
            return 0;
        }
        Container ctr = inv.container("seccomp", "would filter diyc's own host shell");
        ctr.restrictShell(restriction);
        inv.console().say("the container's shell is now host PID " + ctr.pid() + ", filtered: /proc/" + ctr.pid()
                + "/status says Seccomp: 2 (filter mode) and Seccomp_filters: " + ctr.restriction().filters().size());
        return 0;
    }

    private Restriction denyList(AuditArch arch) {
        for (String s : deny) {
            if (!arch.knows(s)) {
                throw new UserError("seccomp: diyc knows no syscall " + s + " on " + arch.name().toLowerCase(Locale.ROOT) + " (it knows "
                        + String.join(", ", arch.known()) + ")");
            }
        }
        int e;
        try {
            e = DenyList.errno(errno);
        } catch (IllegalArgumentException ex) {
            throw new UserError("seccomp: " + ex.getMessage());
        }
        return Restriction.filtering(DenyList.of(deny, e, arch));
    }

    /** The guard's filter and capabilities for the namespaces the context shares with the host (all, for host). */
    private Restriction guardOf(AuditArch arch) {
        Set<HostNamespace> shared = EnumSet.allOf(HostNamespace.class);
        if (inv.ctx() instanceof Container c) {
            for (Namespace n : Namespace.values()) {
                if (c.owns(n)) {
                    shared.removeIf(h -> h.cloneFlag() == n.cloneFlag());
                }
            }
        }
        Guard g = GuardPolicy.forShared(shared, arch);
        return new Restriction(g.droppedCapabilities(), List.of(g.program()));
    }
}
