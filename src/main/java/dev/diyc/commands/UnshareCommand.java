package dev.diyc.commands;

import dev.diyc.term.ShellQuote;
import dev.diyc.term.UserError;
import dev.diyc.ns.Container;
import dev.diyc.ns.HelperFailed;
import dev.diyc.ns.Namespace;
import dev.diyc.ns.ShellStartFailed;
import dev.diyc.ns.TimeOffsets;
import dev.diyc.ns.UnshareRequest;
import dev.diyc.ns.UserNamespaceShell;
import dev.diyc.ns.UserNamespaces;
import dev.diyc.sys.Errno;
import dev.diyc.sys.Flags;
import dev.diyc.sys.SyscallException;
import dev.diyc.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "unshare", mixinStandardHelpOptions = true,
        description = {"Give the container new namespaces with unshare(2), then start PROGRAM (default: a shell) in them.",
                "Same options as util-linux's unshare; short flags combine:",
                "  unshare -fpmu"})
final class UnshareCommand extends NativeCommand {
    private static final String SHORT_FLAGS = "uUpfmniCTr";

    @Option(names = {"-u", "--uts"}, description = "new UTS namespace (hostname)") boolean uts;
    @Option(names = {"-p", "--pid"}, description = "new PID namespace (its first child is PID 1)") boolean pid;
    @Option(names = {"-f", "--fork"}, description = "fork the program, so it is PID 1 of the new PID namespace") boolean fork;
    @Option(names = {"-m", "--mount"}, description = "new mount namespace (made private, as util-linux does)") boolean mount;
    @Option(names = {"-i", "--ipc"}, description = "new IPC namespace") boolean ipc;
    @Option(names = {"-n", "--net"}, description = "new network namespace") boolean net;
    @Option(names = {"-C", "--cgroup"}, description = "new cgroup namespace") boolean cgroup;
    @Option(names = {"-U", "--user"}, description = "new user namespace (lesson 6)") boolean user;
    @Option(names = {"-T", "--time"}, description = "new time namespace") boolean time;
    @Option(names = "--monotonic", paramLabel = "SECONDS", description = "the new time namespace's CLOCK_MONOTONIC runs this far ahead (needs --time)")
    String monotonic;
    @Option(names = "--boottime", paramLabel = "SECONDS", description = "the new time namespace's CLOCK_BOOTTIME (uptime) runs this far ahead (needs --time)")
    String boottime;
    @Option(names = {"-r", "--map-root-user"}, description = "map the current user to root (lesson 6; implies --user)") boolean mapRoot;

    @Option(names = "--mount-proc", arity = "0..1", fallbackValue = "/proc", paramLabel = "DIR",
            description = "mount a /proc for the new PID namespace (implies --mount)")
    String mountProc;

    @Option(names = {"-R", "--root"}, paramLabel = "DIR", description = "chroot to DIR before starting the program") String root;
    @Option(names = {"-w", "--wd"}, paramLabel = "DIR", description = "change to DIR before starting the program") String wd;

    @Option(names = "--propagation", paramLabel = "private|shared|slave|unchanged", defaultValue = "private",
            description = "what to make / after a new mount namespace (default: private)")
    String propagation;

    @Option(names = "--kill-child", arity = "0..1", hidden = true, description = "accepted: the container dies with diyc anyway")
    String killChild;

    @Parameters(paramLabel = "PROGRAM", arity = "0..*", description = "program and arguments (default: /bin/sh)")
    List<String> program = new ArrayList<>();

    /**
     * Post 003 types {@code --fpnumi}: a long option made of short flags, which gets a suggestion.
     * And like util-linux, {@code --mount-proc} takes its directory only after '=': in
     * {@code unshare --mount-proc ps} the ps is the program (picocli would take it as the directory).
     */
    @Override
    List<String> normalize(List<String> args) {
        List<String> out = new ArrayList<>(args);
        for (int i = 0; i < out.size() && out.get(i).startsWith("-"); i++) {
            if (out.get(i).equals("--mount-proc")) {
                out.set(i, "--mount-proc=/proc");
            }
        }
        for (String a : out) {
            if (!a.startsWith("-")) {
                break;
            }
            String letters = a.startsWith("--") ? a.substring(2) : "";
            if (letters.length() > 1 && letters.chars().allMatch(c -> SHORT_FLAGS.indexOf(c) >= 0)) {
                throw new UserError("unshare: unrecognized option '" + a + "': did you mean -" + letters
                        + "? (two dashes start a long option such as --pid; one dash combines short ones)");
            }
        }
        return out;
    }

    @Override
    public Integer call() {
        Container ctr = inv.container("unshare", "would give diyc's host context new namespaces");
        long flags = (uts ? Flags.CLONE_NEWUTS : 0) | (pid ? Flags.CLONE_NEWPID : 0)
                | (mount || mountProc != null ? Flags.CLONE_NEWNS : 0) | (ipc ? Flags.CLONE_NEWIPC : 0)
                | (net ? Flags.CLONE_NEWNET : 0) | (cgroup ? Flags.CLONE_NEWCGROUP : 0)
                | (user || mapRoot ? Flags.CLONE_NEWUSER : 0) | (time ? Flags.CLONE_NEWTIME : 0);
        if (flags == 0 && program.isEmpty()) {
            throw new UserError("unshare: which namespaces? e.g. unshare --uts, or unshare -fpmu (see unshare --help)");
        }
        if (mountProc != null && !pid) {
            inv.console().say("--mount-proc without --pid mounts a /proc that still shows the host's processes");
        }
        TimeOffsets offsets = TimeOffsets.of(monotonic, boottime);
        if (!offsets.isNone() && !time) {
            throw new UserError("unshare: options --monotonic or --boottime require unsharing of a time namespace (-T)");
        }
        long prop = switch (propagation) {
            case "private" -> Flags.MS_PRIVATE;
            case "shared" -> Flags.MS_SHARED;
            case "slave" -> Flags.MS_SLAVE;
            case "unchanged" -> 0;
            default -> throw new UserError("unshare: --propagation takes private, shared, slave or unchanged");
        };
        if ((flags & Flags.CLONE_NEWUSER) != 0) {
            return withUserNamespace(ctr, flags, prop, offsets);
        }
        try {
            ctr.unshare(new UnshareRequest(flags, prop, fork, mountProc, root, wd, program, offsets), inv.console()::say);
        } catch (ShellStartFailed e) {
            inv.lab().resetContainer(ctr.name());
            throw new UserError(e.getMessage() + " The container was ended; it shares the host's namespaces again.");
        }
        if (!program.isEmpty() && !UnshareRequest.isShell(program)) {
            // unshare -fp ps: the program runs in the new container, its output as any command's.
            return ctr.run(ShellQuote.line(program), inv.console()).status();
        }
        return 0;
    }

    /**
     * A user namespace: the kernel refuses unshare(CLONE_NEWUSER) to a process with more than one
     * thread. diyc shows that for real, says why, and has a single-threaded helper (util-linux's
     * unshare) make the namespaces and become the container's shell.
     */
    private int withUserNamespace(Container ctr, long flags, long prop, TimeOffsets offsets) {
        try {
            ctr.thread().call(() -> {
                Syscalls.unshare(Flags.CLONE_NEWUSER, null);
                return null;
            });
            throw new IllegalStateException("unshare(CLONE_NEWUSER) unexpectedly succeeded in a multi-threaded JVM");
        } catch (SyscallException e) {
            if (e.errno() != Errno.EINVAL) {
                return 1; // printed, with its cause
            }
        }
        if (ctr.thread().hostIds()[0] != 0) {
            UserNamespaces.blocker().ifPresent(why -> {
                throw new UserError(why);
            });
        }
        UnshareRequest r = new UnshareRequest(flags & ~Flags.CLONE_NEWUSER, prop, fork, mountProc, root, wd, program, offsets);
        if (pid && !fork) {
            inv.console().say("a new PID namespace takes only the next child: diyc has the helper fork the shell, as --fork does");
        }
        boolean programIsShell = UnshareRequest.isShell(program);
        List<String> argv = UserNamespaceShell.helperArgv(r, mapRoot, programIsShell ? program.get(0) : "/bin/sh");
        inv.console().say(UserNamespaceShell.whyAHelper(threads(), argv));
        inv.console().plain("    " + String.join(" ", argv));
        try {
            ctr.unshareThroughHelper(argv, r.flags() | Flags.CLONE_NEWUSER, UserNamespaceShell.forks(r), inv.console());
        } catch (HelperFailed e) {
            throw new UserError("the helper could not start the container's shell" + (e.status() >= 0 ? " (exit status " + e.status() + ")" : "")
                    + (e.getMessage().isEmpty() ? "" : ": " + e.getMessage()) + "; the container is as it was");
        }
        inv.console().say("the container's shell is host PID " + ctr.pid() + ", in " + ctr.namespace(Namespace.USER)
                + (mapRoot ? "; --map-root-user had the helper write deny to setgroups and 0 " + ctr.thread().hostIds()[0] + " 1 to uid_map (0 "
                        + ctr.thread().hostIds()[1] + " 1 to gid_map): root inside is you outside"
                        : "; its uid_map is empty, so inside every user is nobody (65534) until the host writes a map"));
        if (!program.isEmpty() && !programIsShell) {
            return ctr.run(ShellQuote.line(program), inv.console()).status();
        }
        return 0;
    }

    /** The JVM's threads as the kernel counts them (the JVM's own: GC, compiler, and diyc's). */
    private static int threads() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring(8).strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall back to the threads Java knows
        }
        return Thread.getAllStackTraces().size();
    }
}
