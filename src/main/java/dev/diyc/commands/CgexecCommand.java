package dev.diyc.commands;

import dev.diyc.term.ShellQuote;
import dev.diyc.term.UserError;
import dev.diyc.cgroup.Cgroups;
import dev.diyc.cgroup.Hierarchy;
import dev.diyc.ns.Container;
import dev.diyc.ns.Context;
import dev.diyc.ns.ShellSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * libcgroup's cgexec puts itself in the cgroup, then execs the command, which so starts inside. In
 * diyc a command runs as a child of the context's shell (the container's, in its namespaces and
 * root; or the host's), so the shell takes cgexec's place: diyc writes the shell's PID into the
 * cgroup, the shell runs the command, which is born in the cgroup, and diyc puts the shell back
 * where it was. What the command leaves running ({@code cgexec ... sleep 99 &}) stays in the cgroup,
 * as it would after the real cgexec; the shells themselves are never left limited.
 *
 * <p>A command diyc makes itself, such as {@code unshare}, runs as typed in the same context; a shell
 * it starts joins the cgroup of the shell it replaces, so {@code cgexec -g memory:box unshare ...}
 * (post 003's form) gives a container in box.
 */
@Command(name = "cgexec", mixinStandardHelpOptions = true,
        description = {"Run a command in a cgroup, as libcgroup's cgexec (post 003): the context's shell joins the cgroup "
                + "(a write to cgroup.procs), runs the command, which is born there, and goes back to where it was.",
                "  cgexec -g memory,pids:box dd if=/dev/zero of=/dev/null bs=64M count=1",
                "  cgexec -g memory,pids:box unshare --pid --fork --mount-proc",
                "Pipes and redirections belong inside sh -c '...'."})
final class CgexecCommand extends NativeCommand {
    private static final String JOIN = "the shell that runs the command joins the cgroup first, so the command is born in it";
    private static final String BACK = "the shell goes back where it was; what the command left running stays in the cgroup";

    /** diyc's commands that refuse the host context (see Invocation.container), always or given arguments. */
    private static final Set<String> CONTAINER_ONLY = Set.of("unshare", "su", "pivot_root", "chroot", "chroot-escape");
    private static final Set<String> CONTAINER_ONLY_WITH_ARGS = Set.of("mount", "umount", "hostname");

    @Mixin
    CgroupArgs.JoinOptions join = new CgroupArgs.JoinOptions();

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "the command and its arguments")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        String name = command.get(0);
        if (name.startsWith("cg") && NativeCommands.has(name)) {
            throw new UserError("cgexec: run " + name + " by itself: cgexec runs one command in a cgroup");
        }
        List<String> args = command.subList(1, command.size());
        if (!inv.inContainer() && NativeCommands.handles(name, args)
                && (CONTAINER_ONLY.contains(name) || CONTAINER_ONLY_WITH_ARGS.contains(name) && !args.isEmpty())) {
            // refused here, as the command itself would refuse, but before the host's shell is moved anywhere
            inv.container(name, "would change the host");
        }
        var targets = CgroupArgs.targets("cgexec", join.groups, inv.console()::say);
        Cgroups cgroups = CgroupArgs.cgroups();
        Context ctx = inv.ctx();
        int shell = ctx.pid();
        Map<Hierarchy, String> before = cgroups.membership(shell);
        try {
            CgroupArgs.attach("cgexec", targets, shell, JOIN);
            if (NativeCommands.handles(name, args)) {
                return NativeCommands.run(name, new ArrayList<>(args), inv);
            }
            String line = ShellQuote.line(command);
            ShellSession.Result r = ctx.run(line, inv.console());
            return r.shellGone() ? 1 : r.status();
        } finally {
            if (ctx.pid() == shell) {
                cgroups.restore(shell, before, BACK);
            } // else the command (unshare) replaced the shell: the old one is gone, or the init of the container in the cgroup
        }
    }
}
