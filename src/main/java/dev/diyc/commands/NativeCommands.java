package dev.diyc.commands;

import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The native commands by name, and how a line's words reach one. */
public final class NativeCommands {
    private static final Map<String, Supplier<NativeCommand>> ALL = Map.ofEntries(
            Map.entry("unshare", UnshareCommand::new),
            Map.entry("hostname", HostnameCommand::new),
            Map.entry("mount", MountCommand::new),
            Map.entry("umount", UmountCommand::new),
            Map.entry("pivot_root", PivotRootCommand::new),
            Map.entry("chroot", ChrootCommand::new),
            Map.entry("chroot-escape", ChrootEscapeCommand::new),
            Map.entry("ip", IpCommand::new),
            Map.entry("ping", PingCommand::new),
            Map.entry("lsns", LsnsCommand::new),
            Map.entry("ipcmk", IpcmkCommand::new),
            Map.entry("ipcs", IpcsCommand::new),
            Map.entry("ipcrm", IpcrmCommand::new),
            Map.entry("iptables", IptablesCommand::new),
            Map.entry("su", SuCommand::new),
            Map.entry("cgcreate", CgcreateCommand::new),
            Map.entry("cgset", CgsetCommand::new),
            Map.entry("cgget", CggetCommand::new),
            Map.entry("cgexec", CgexecCommand::new),
            Map.entry("cgclassify", CgclassifyCommand::new),
            Map.entry("cgdelete", CgdeleteCommand::new),
            Map.entry("mkdir", MkdirCommand::new),
            Map.entry("rmdir", RmdirCommand::new),
            Map.entry("capsh", CapshCommand::new),
            Map.entry("seccomp", SeccompCommand::new));

    private NativeCommands() {}

    public static boolean has(String name) {
        return ALL.containsKey(name);
    }

    public static Set<String> names() {
        return new TreeSet<>(ALL.keySet());
    }

    /** A fresh instance of the command, for tests that read its annotations. */
    static NativeCommand create(String name) {
        return ALL.get(name).get();
    }

    /**
     * Some forms are better served by the real program (listing mounts with a bare {@code mount};
     * mkdir and rmdir with options diyc does not make itself), and run in the context's shell instead.
     */
    public static boolean handles(String name, List<String> args) {
        if (!has(name)) {
            return false;
        }
        return switch (name) {
            case "mount" -> !args.isEmpty();
            case "mkdir" -> args.stream().allMatch(a -> !a.startsWith("-") || a.equals("-p") || a.equals("--parents")
                    || a.equals("--help"));
            case "rmdir" -> args.stream().allMatch(a -> !a.startsWith("-") || a.equals("--help"));
            default -> true;
        };
    }

    /**
     * Parsers built once per command: picocli reads the annotations by reflection, which costs more
     * than the syscalls themselves. Reusing one is safe: picocli resets every option before parsing.
     */
    private static final Map<String, CommandLine> PARSERS = new ConcurrentHashMap<>();

    private static CommandLine parser(String name) {
        return PARSERS.computeIfAbsent(name, n -> {
            CommandLine cl = new CommandLine(ALL.get(n).get());
            cl.setStopAtPositional(n.equals("unshare") || n.equals("chroot") || n.equals("cgexec"));
            // ip's own flags (-br, -j, -4) and keywords are its business, not picocli's.
            cl.setUnmatchedOptionsArePositionalParams(n.equals("ip"));
            return cl;
        });
    }

    /** The command's option names, for tab completion. */
    public static List<String> options(String name) {
        List<String> names = new ArrayList<>();
        synchronized (NativeCommands.class) {
            for (var o : parser(name).getCommandSpec().options()) {
                if (!o.hidden()) {
                    names.addAll(List.of(o.names()));
                }
            }
        }
        return names;
    }

    /**
     * @return the command's exit status. In a container in a user namespace, the caller sends the
     *     words to the container's programs instead (the session's UserNamespaceReroute). The calling
     *     thread's calls go to the lab's recorder: a command makes some of them here, not on a context's
     *     thread (a cgroup write, a netlink request).
     */
    public static synchronized int run(String name, List<String> args, Invocation inv) {
        return inv.lab().recorder().on(() -> runHere(name, args, inv));
    }

    private static int runHere(String name, List<String> args, Invocation inv) {
        CommandLine cl = parser(name);
        NativeCommand cmd = cl.getCommand();
        cmd.bind(inv);
        List<String> normalized = cmd.normalize(args);
        try {
            cl.parseArgs(normalized.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserError(name + ": " + lowerFirst(e.getMessage()) + " (try: " + name + " --help)");
        }
        if (cl.isUsageHelpRequested()) {
            printUsage(name, inv.console());
            return 0;
        }
        if (cl.isVersionHelpRequested()) {
            inv.console().plain(name + " (diyc's own, making the syscalls itself)");
            return 0;
        }
        try {
            return cmd.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What {@code NAME --help} prints, and {@code help NAME} too: laid out at the terminal's width, in
     * colour only where the console has it (picocli's own guess, Ansi.AUTO, paints on any console,
     * even under --no-color or TERM=dumb).
     */
    public static synchronized void printUsage(String name, Console console) {
        CommandLine cl = parser(name);
        cl.setUsageHelpWidth(usageWidth(console.width()));
        console.out(cl.getUsageMessage(console.color() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    }

    /** The command's picocli spec: its usage and description, for help. */
    public static synchronized CommandLine.Model.CommandSpec spec(String name) {
        return parser(name).getCommandSpec();
    }

    /**
     * The width --help is laid out at: the terminal's, so that a wide one is not stuck at picocli's 80
     * columns, yet at most 100 (longer lines are hard to read) and at least 60.
     */
    public static int usageWidth(int terminalWidth) {
        return Math.max(60, Math.min(100, terminalWidth));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
