package dev.diyc.lesson;

import dev.diyc.ns.Context;
import dev.diyc.ns.Namespace;
import dev.diyc.term.Sink;
import dev.diyc.view.NetProbes;
import dev.diyc.view.Probes;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The probes a lesson's check may read (the table in lessons/FORMAT.md): each kind's name as files
 * write it, the argument it takes after the colon, and how it reads the real state in a context.
 * The one list of them: the loader validates against it and the checker reads through it.
 */
enum ProbeKind {
    HOSTNAME("hostname", Argument.NONE, Settles.NO, (ctx, arg) -> ctx.hostname()),
    NS("ns", Argument.NAMESPACE, Settles.YES, (ctx, arg) -> String.valueOf(ctx.namespace(Namespace.byProcName(arg)))),
    NAMESPACES("namespaces", Argument.NAMESPACE, Settles.YES, ProbeKind::namespaceCount),
    PID("pid", Argument.NONE, Settles.NO, (ctx, arg) -> ctx.capture("echo $$").strip()),
    HOSTPID("hostpid", Argument.NONE, Settles.NO, (ctx, arg) -> Integer.toString(ctx.pid())),
    MOUNTS("mounts", Argument.NONE, Settles.YES,
            (ctx, arg) -> String.join("\n", Probes.mounts(ctx).stream().map(Probes.Mount::point).toList())),
    MOUNT_COUNT("mount-count", Argument.NONE, Settles.YES, (ctx, arg) -> Integer.toString(Probes.mounts(ctx).size())),
    LS("ls", Argument.TEXT, Settles.YES, Probes::ls),
    EXISTS("exists", Argument.TEXT, Settles.YES, (ctx, arg) -> Probes.exists(ctx, arg) ? "yes" : "no"),
    FILE("file", Argument.TEXT, Settles.YES, Probes::file),
    PS("ps", Argument.NONE, Settles.YES, (ctx, arg) -> ps(ctx)),
    LINKS("links", Argument.NONE, Settles.YES, (ctx, arg) -> NetProbes.links(ctx)),
    ADDRESSES("addresses", Argument.NONE, Settles.YES, (ctx, arg) -> NetProbes.addresses(ctx)),
    ROUTES("routes", Argument.NONE, Settles.YES, (ctx, arg) -> NetProbes.routes(ctx)),
    PING("ping", Argument.TEXT, Settles.YES, NetProbes::ping),
    CGROUPS("cgroups", Argument.NONE, Settles.YES, (ctx, arg) -> CgroupProbes.membership(ctx)),
    CGROUP("cgroup", Argument.CGROUP, Settles.YES, (ctx, arg) -> CgroupProbes.cgroup(arg)),
    RUN("run", Argument.TEXT, Settles.IF_DECLARED, Context::capture),
    STATUS("status", Argument.TEXT, Settles.IF_DECLARED, (ctx, arg) -> Integer.toString(ctx.run(arg, new Sink.Capture()).status()));

    private final String fileName;
    private final Argument argument;
    private final Settles settles;
    private final BiFunction<Context, String, String> reader;

    ProbeKind(String fileName, Argument argument, Settles settles, BiFunction<Context, String, String> reader) {
        this.fileName = fileName;
        this.argument = argument;
        this.settles = settles;
        this.reader = reader;
    }

    Settles settles() {
        return settles;
    }

    /** The name lesson files write, {@code mount-count} for MOUNT_COUNT. */
    String fileName() {
        return fileName;
    }

    Argument argument() {
        return argument;
    }

    boolean takesArgument() {
        return argument != Argument.NONE;
    }

    /** @return the kind a file names, or null for a name that is none */
    static ProbeKind named(String fileName) {
        for (ProbeKind k : values()) {
            if (k.fileName.equals(fileName)) {
                return k;
            }
        }
        return null;
    }

    /** The real state, as a string; {@code arg} is "" for a kind that takes none. */
    String read(Context ctx, String arg) {
        return reader.apply(ctx, arg);
    }

    private static String namespaceCount(Context ctx, String type) {
        var uses = Probes.namespaceUses(ctx, Namespace.byProcName(type));
        return uses == null ? "no /proc" : Integer.toString(uses.size());
    }

    /** {@code PID COMMAND} per process, as lessons/FORMAT.md promises. */
    private static String ps(Context ctx) {
        List<Probes.Process> ps = Probes.processes(ctx);
        if (ps == null) {
            return "ps: no /proc is mounted in this context's root";
        }
        return String.join("\n", ps.stream().map(p -> p.pid() + " " + p.command()).toList());
    }

    /**
     * Whether a failed check on this kind is read again until it holds, for at most the checker's bound:
     * state the kernel changes after the call that asked for it has returned (a link coming up, a
     * namespace or process gone, a cgroup emptied) can lag on a busy machine. Every typed kind only
     * reads, so reading again is safe; a kind whose state diyc sets before its call returns (the
     * hostname, a PID) does not wait, since waiting could only delay a real failure. {@code run:} and
     * {@code status:} run any command, and one with a side effect must not run twice: they settle only
     * when the lesson file declares the command read-only ({@code settles: true}).
     */
    enum Settles {
        YES, NO, IF_DECLARED
    }

    /** What may follow a kind's colon, and how the loader words a probe that breaks the rule. */
    enum Argument {
        NONE("takes nothing after its name"),
        TEXT("needs something after the colon"),
        NAMESPACE("takes a namespace type after the colon: "
                + String.join(" ", Arrays.stream(Namespace.values()).map(Namespace::procName).toList())),
        CGROUP("takes a cgroup NAME or NAME/FILE after the colon");

        private final String rule;

        Argument(String rule) {
            this.rule = rule;
        }

        String rule() {
            return rule;
        }

        boolean accepts(String arg) {
            return switch (this) {
                case NONE -> false; // a NONE kind is written without a colon, so any argument is one too many
                case TEXT -> !arg.isEmpty();
                case NAMESPACE -> Namespace.byProcName(arg) != null;
                case CGROUP -> arg.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*(/[a-z_]+\\.[a-z_.]+)?");
            };
        }
    }
}
