package dev.diyc.session;

import dev.diyc.cgroup.Cgroups;
import dev.diyc.cgroup.Hierarchy;
import dev.diyc.cgroup.Sizes;
import dev.diyc.commands.NativeCommands;
import dev.diyc.lesson.SessionSlot;
import dev.diyc.sys.Capabilities;
import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import dev.diyc.term.Words;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;


/**
 * {@code run}: diyc's one-command container, like {@code docker run -it busybox}. It is nothing but
 * the previous lessons' commands, typed for the learner in order and shown as they run, so the
 * learner sees that a container runtime is exactly those steps: every namespace, an overlay with a
 * fresh writable layer over the image (which is never written, as with docker), made the new root
 * through pivot_root, a /proc of its own, a hostname, optionally a veth with an address
 * and limits in a cgroup, and then a shell (or CMD) inside.
 *
 * <p>The cgroup comes first, as in runc: the container's shell is born in it (through cgexec), so
 * its cgroup namespace, unshared afterwards, has that cgroup as its root.
 */
@CommandLine.Command(name = "run",
        description = {"A whole container in one command, made of the lessons' steps, each shown as it runs: "
                + "unshare every namespace, mount an overlay with a fresh writable layer (run/N/upper) over IMAGE "
                + "(default: rootfs), which stays as it was, pivot_root into it, mount /proc and set the hostname. "
                + "With --net, a veth to the host with 10.200.12.2/24 inside; with --memory or --pids, limits in a "
                + "cgroup named run, which the container is born in. With --cap-drop, capsh starts its shell without those "
                + "capabilities. Then a shell in it, or CMD.",
                "It replaces the container in ctr."})
public final class RunCommand implements Command {
    /** docker's floor too: a shell and its libraries need a few MiB before they can do anything. */
    private static final long MIN_MEMORY = 6L << 20;
    /** The cgroup's name, diyc-PID-run on disk; a second run reuses it, its limits set anew. */
    private static final String CGROUP = "run";

    private final boolean interactive;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = "--hostname", paramLabel = "NAME", defaultValue = "container", description = "the container's hostname (default: container)")
    String hostname;

    @Option(names = "--net", description = "a network namespace with a veth to the host, 10.200.12.1 (host) and 10.200.12.2 (container)")
    boolean net;

    @Option(names = {"--memory", "-m"}, paramLabel = "SIZE",
            description = "a memory limit, such as 32M or 1G (at least 6M, as docker's), in the cgroup run")
    String memory;

    @Option(names = {"--pids", "--pids-limit"}, paramLabel = "N",
            description = "at most N processes at once, the shell included, in the cgroup run")
    String pids;

    @Option(names = "--cap-drop", split = ",", paramLabel = "CAP",
            description = "the container's shell lacks these capabilities (NET_ADMIN, SYS_ADMIN...), as docker's --cap-drop: capsh --drop")
    List<String> capDrop = new ArrayList<>();

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", defaultValue = "rootfs", description = "a root filesystem directory in the playground (default: rootfs)")
    String image;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "CMD", description = "what to run inside instead of a shell")
    List<String> command = new ArrayList<>();

    /** @param interactive whether a terminal is there for the shell at the end */
    public RunCommand(boolean interactive) {
        this.interactive = interactive;
    }

    @Override
    public List<String> names() {
        return List.of("run");
    }

    @Override
    public Scope scope() {
        return Scope.SESSION;
    }

    @Override
    public Group group() {
        return Group.UNLISTED;
    }

    @Override
    public CommandHelp help() {
        return new SpecHelp(() -> new CommandLine(new RunCommand(false)).getCommandSpec(), RunCommand::printUsage);
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        RunCommand parsed = new RunCommand(interactive);
        CommandLine cl = new CommandLine(parsed);
        try {
            List<String> words = Words.split(call.args(), engine.lab().vars());
            if (words == null) {
                throw new UserError("run: an unclosed quote, or shell syntax (| > ; $(...)) outside quotes; run takes words, "
                        + "so put shell syntax in sh -c '...', as in run sh -c 'echo hi > f'");
            }
            cl.parseArgs(words.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserError("run: " + e.getMessage() + " (run --help shows the options)");
        }
        if (cl.isUsageHelpRequested()) {
            printUsage(engine.console());
            return Outcome.OK;
        }
        return parsed.start(engine);
    }

    /** What run --help prints, and help run too. */
    private static void printUsage(Console console) {
        CommandLine cl = new CommandLine(new RunCommand(false));
        cl.setUsageHelpWidth(NativeCommands.usageWidth(console.width()));
        console.out(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
    }

    private Outcome start(Engine engine) {
        if (!image.matches("[A-Za-z0-9_./-]+") || !hostname.matches("[A-Za-z0-9.-]{1,63}")) {
            throw new UserError("run: the image is a directory in the playground and the hostname letters, digits, - and .");
        }
        if (!Files.isDirectory(engine.lab().playground().resolve(image).resolve("bin"))) {
            throw new UserError("run: " + image + " is not a root filesystem in the playground (it has no bin/)");
        }
        checkLimits();
        for (String cap : capDrop) {
            if (Capabilities.byName(cap) < 0) {
                throw new UserError("run --cap-drop: no capability called " + cap + " (NET_ADMIN, SYS_ADMIN, CHOWN...; diyc takes no ALL)");
            }
        }
        if (!engine.lab().ctr().sharesEverything()) {
            engine.console().say("run starts from a fresh container: ctr's present one ends");
        }
        engine.lab().resetContainer();
        for (String line : steps(freshLayer(engine.lab().playground()))) {
            engine.console().say("run › " + line);
            if (engine.execute(line) != Outcome.OK) {
                engine.console().say("run stopped at that step; ctr stays as it is, to look at (reset clears it)");
                return Outcome.FAILED;
            }
        }
        if (!command.isEmpty()) {
            return engine.execute("ctr " + String.join(" ", command));
        }
        if (interactive) {
            return engine.execute("shell ctr");
        }
        engine.console().say("the container is ready in ctr (host PID " + engine.lab().ctr().pid()
                + "): ctr CMD runs in it; on a terminal, run opens a shell in it");
        return Outcome.OK;
    }

    /** Refuses limits this machine cannot set, or that would kill the container as it starts, before any step runs. */
    private void checkLimits() {
        if (memory != null && below(MIN_MEMORY, "--memory", memory, Sizes::parse)) {
            throw new UserError("run --memory: at least 6M, as docker asks: below that the shell itself is OOM-killed as it starts");
        }
        if (pids != null && below(1, "--pids", pids, Sizes::parseCount)) {
            throw new UserError("run --pids: at least 1, the container's shell itself");
        }
        for (String controller : controllers()) {
            if (Cgroups.host().treeOf(controller) == null) {
                throw new UserError("run: no cgroup tree on this machine has the " + controller + " controller ("
                        + Cgroups.host().layout() + ")");
            }
        }
    }

    /** Whether a limit, read as cgset reads it, is under the least a container can start with ("max" never is). */
    private static boolean below(long least, String option, String text, ToLongFunction<String> parse) {
        long value;
        try {
            value = parse.applyAsLong(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("run " + option + ": " + e.getMessage());
        }
        return value != Sizes.UNLIMITED && value < least;
    }

    /** The cgroup controllers the limits asked for, in cgcreate's -g spelling. */
    private List<String> controllers() {
        List<String> c = new ArrayList<>();
        if (memory != null) {
            c.add("memory");
        }
        if (pids != null) {
            c.add("pids");
        }
        return c;
    }

    /**
     * Where this run's layer goes: run/1, run/2, ... in the playground, a new one each time, as docker
     * gives every container a layer of its own (upper for its writes, work for overlayfs, merged to mount on).
     */
    private static String freshLayer(Path playground) {
        int n = 1;
        while (Files.exists(playground.resolve("run/" + n))) {
            n++;
        }
        return "run/" + n;
    }

    /** The lessons' lines, in the order a runtime does them; {@code layer} holds upper, work and merged. */
    List<String> steps(String layer) {
        String old = ".oldroot";
        String root = layer + "/merged";
        List<String> s = new ArrayList<>();
        String unshare = "unshare --mount --uts --ipc --pid --fork --cgroup" + (net ? " --net" : "");
        if (controllers().isEmpty()) {
            s.add("ctr " + unshare);
        } else {
            String group = String.join(",", controllers()) + ":" + CGROUP;
            s.add("host cgcreate -g " + group);
            if (memory != null) {
                s.add("host cgset -r " + memoryLimitFile() + "=" + memory + " " + CGROUP);
            }
            if (pids != null) {
                s.add("host cgset -r pids.max=" + pids + " " + CGROUP);
            }
            s.add("ctr cgexec -g " + group + " " + unshare);
        }
        s.addAll(List.of(
                "ctr mount --make-rprivate /",
                "ctr mkdir -p " + layer + "/upper " + layer + "/work " + root,
                "ctr mount -t overlay overlay -o lowerdir=" + image + ",upperdir=" + layer + "/upper,workdir=" + layer + "/work " + root,
                "ctr mkdir -p " + root + "/" + old,
                "ctr pivot_root " + root + " " + root + "/" + old,
                "ctr cd /",
                "ctr umount -l /" + old,
                "ctr rmdir /" + old,
                "ctr mount -t proc proc /proc",
                "ctr hostname " + hostname));
        if (net) {
            s.addAll(List.of(
                    "host ip link add diyc-h12 type veth peer name diyc-c12 netns $CTR",
                    "host ip addr add 10.200.12.1/24 dev diyc-h12",
                    "host ip link set diyc-h12 up",
                    "ctr ip link set lo up",
                    "ctr ip addr add 10.200.12.2/24 dev diyc-c12",
                    "ctr ip link set diyc-c12 up",
                    "ctr ip route add default via 10.200.12.1"));
        }
        if (!capDrop.isEmpty()) {
            // Last, as runc does: every step above needs the capabilities this takes away.
            s.add("ctr capsh --drop=" + String.join(",", capDrop.stream().map(RunCommand::capshName).toList()) + " --");
        }
        return s.stream().map(SessionSlot.current().rename()).toList();
    }

    /** docker's spelling (NET_ADMIN) in capsh's (cap_net_admin). */
    private static String capshName(String cap) {
        String c = cap.strip().toLowerCase(Locale.ROOT);
        return c.startsWith("cap_") ? c : "cap_" + c;
    }

    /** The memory limit's name in the tree that has memory here, so the line shown is the file written. */
    private static String memoryLimitFile() {
        Hierarchy h = Cgroups.host().treeOf("memory");
        return h != null && h.version() == 2 ? "memory.max" : "memory.limit_in_bytes";
    }
}
