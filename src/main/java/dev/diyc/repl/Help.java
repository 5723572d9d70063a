package dev.diyc.repl;

import dev.diyc.term.Console;
import dev.diyc.term.UserError;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code help [COMMAND]}: diyc's commands grouped by purpose, and usage with an example for one. */
public final class Help implements Engine.Builtin, Engine.Completable {
    private static final Map<String, String[]> TOPICS = new LinkedHashMap<>();

    static {
        topic("host", "host CMD", "Run CMD on the host, in a real host shell that started in the playground.", "host ps -o pid,user,args -p $CTR");
        topic("ctr", "ctr CMD", "Run CMD in the container: its namespaces, its root, its shell (PID 1 after unshare --pid --fork).", "ctr echo $$");
        topic("ctr2", "ctr2 CMD", "Run CMD in a second container (ctr3 ... ctr9 likewise), started on first use; $CTR2 is its host PID.", "ctr2 unshare --net");
        topic("use", "use host|ctr|ctr2", "Make bare commands run in that context (the prompt shows which).", "use host");
        topic("compare", "compare VIEW|CMD", "The host's view and the container's side by side, differences marked: ps, hostname, ns, mounts, ls /, or any command.", "compare ns");
        topic("lesson", "lesson list | show [N] | next | prev | goto N|ID | run N|ID|all", "The lessons: list them (✓ done, ▶ current), read one, move between them, or run one whole with its checks.", "lesson goto 3");
        topic("step", "step", "Show the current step and let diyc type its commands for you, then check it.", "step");
        topic("check", "check", "Check the current step against the real state of the host and the container, however you got there.", "check");
        topic("hint", "hint", "A nudge for the current step; hint again shows the exact commands.", "hint");
        topic("next", "next", "On to the next step once this one passed its check (it checks first if need be).", "next");
        topic("reset", "reset [--all [--yes]]", "A fresh container and the current lesson from its first step; --all forgets all progress.", "reset");
        topic("shell", "shell [ctr2]", "An interactive shell inside the container (the prompt's, or the one named), on this terminal; exit comes back with the container still there.", "shell");
        topic("explain", "explain [NAME]", "What a syscall or concept does, its flags and its common errors: unshare, pivot_root, mount propagation, /proc...", "explain pivot_root");
        topic("exit", "exit", "In the container: end it (its shell exits, its namespaces go). On the host: leave diyc.", "ctr exit");
        topic("quit", "quit", "Leave diyc; every container, mount and process it made goes with it.", "quit");
        topic("unshare", "unshare [-upfmniCTU] [--mount-proc[=DIR]] [--root=DIR] [--wd=DIR] [PROGRAM...]", "New namespaces for the container, with unshare(2), as util-linux's unshare; with --user, through util-linux's unshare itself (explain userns).", "ctr unshare --pid --fork --mount-proc");
        topic("hostname", "hostname [NAME]", "Show the context's hostname, or set the container's with sethostname(2).", "ctr hostname child");
        topic("mount", "mount [-t TYPE] [--bind|--move|--make-rprivate] SOURCE TARGET", "Mount in the container with mount(2); a bare mount lists mounts.", "ctr mount --bind rootfs rootfs");
        topic("umount", "umount [-l] PATH", "Unmount in the container with umount2(2); -l detaches a busy mount.", "ctr umount -l /old");
        topic("pivot_root", "pivot_root NEW_ROOT PUT_OLD", "Swap the container's root for NEW_ROOT (a mount point) with pivot_root(2).", "ctr pivot_root rootfs rootfs/old");
        topic("chroot", "chroot DIR [CMD...]", "Change the root of the container's shell (or of one command) with chroot(2).", "ctr chroot rootfs /bin/sh");
        topic("chroot-escape", "chroot-escape DIR", "Leave the container's chroot as any root process could: chroot(DIR) below, chdir(\"..\") to the top, chroot(\".\").", "ctr chroot-escape bin");
        topic("ip", "ip [-br] link|addr|route [show|add|set|del ...]", "Links, addresses and routes of the context's network namespace, over rtnetlink: veth pairs (netns $CTR), bridges, up/down.", "host ip link add veth0 type veth peer name veth1 netns $CTR");
        topic("ping", "ping [-c N] [-i SEC] [-W SEC] ADDRESS", "ICMP echo from the context's network namespace (IPv4), as ping; Ctrl-C stops it.", "ctr ping -c 2 10.200.7.1");
        topic("lsns", "lsns [-t TYPE]", "The machine's namespaces, read from the context's /proc: type, how many processes, the first of them.", "host lsns -t uts");
        topic("ipcmk", "ipcmk -Q | -M SIZE | -S N [-p MODE]", "Make a System V message queue, shared memory segment or semaphore array in the context's IPC namespace.", "host ipcmk -Q");
        topic("ipcs", "ipcs [-q|-m|-s]", "The System V IPC objects the context's IPC namespace holds, read from /proc/sysvipc.", "ctr ipcs");
        topic("ipcrm", "ipcrm -q|-m|-s ID", "Remove an IPC object by id.", "host ipcrm -q 0");
        topic("su", "su USER", "Run the container as an ordinary user (lesson 6): its thread takes the user's IDs, a new shell starts as that user.", "ctr su $LEARNER");
        topic("cgcreate", "cgcreate -g CONTROLLERS:NAME", "Make a cgroup (libcgroup's spelling): a directory in each tree holding the controllers; diyc-PID-NAME on disk.", "host cgcreate -g memory,pids:box");
        topic("cgset", "cgset -r FILE=VALUE NAME", "Set a limit: memory.limit_in_bytes or memory.max (100M, 1G), pids.max; either version's names, written as this machine's tree spells them.", "host cgset -r memory.limit_in_bytes=32M box");
        topic("cgget", "cgget [-n] [-v] -r FILE|-g CONTROLLER NAME", "Read a cgroup's limits and meters: memory.usage_in_bytes, memory.oom_control, pids.current...", "host cgget -r memory.oom_control box");
        topic("cgclassify", "cgclassify -g CONTROLLERS:NAME PID...", "Put running processes in a cgroup (their PID into cgroup.procs).", "host cgclassify -g memory,pids:box $CTR");
        topic("cgexec", "cgexec -g CONTROLLERS:NAME COMMAND...", "Run a command in a cgroup: the context's shell joins it for the command, then goes back.", "ctr cgexec -g memory:box dd if=/dev/zero of=/dev/null bs=64M count=1");
        topic("cgdelete", "cgdelete [-r] -g CONTROLLERS:NAME", "Remove a cgroup (rmdir); what still runs in it moves to the parent first.", "host cgdelete -g memory,pids:box");
        topic("help", "help [COMMAND]", "This list, or one command's usage.", "help unshare");
    }

    private static void topic(String name, String usage, String what, String example) {
        TOPICS.put(name, new String[] {usage, what, example});
    }

    @Override
    public java.util.Collection<String> completions() {
        return TOPICS.keySet();
    }

    @Override
    public Engine.Outcome run(Engine engine, String args) {
        Console c = engine.console();
        String name = args.strip();
        if (!name.isEmpty()) {
            String[] t = TOPICS.get(name);
            if (t == null) {
                throw new UserError("no help for '" + name + "'; help lists the commands. Other commands run as programs in the context.");
            }
            c.heading(t[0]);
            c.text(t[1]);
            c.plain("  example: " + t[2]);
            return Engine.Outcome.OK;
        }
        c.heading("Where commands run");
        list(c, "host", "ctr", "ctr2", "use", "shell", "exit", "quit");
        c.heading("Syscalls diyc makes itself, printed as strace shows them");
        list(c, "unshare", "hostname", "mount", "umount", "pivot_root", "chroot", "chroot-escape", "su", "ip", "ping", "ipcmk", "ipcrm");
        c.heading("Seeing what changed");
        list(c, "compare", "lsns", "ipcs");
        c.heading("Control groups, with libcgroup's commands (diyc writes the files)");
        list(c, "cgcreate", "cgset", "cgget", "cgclassify", "cgexec", "cgdelete");
        c.heading("Lessons");
        list(c, "lesson", "step", "check", "hint", "next", "reset");
        c.heading("Understanding");
        list(c, "explain", "help");
        c.say("anything else (ls, ps aux, echo $$, cat /proc/mounts | wc -l, sleep 999 &, kill) runs as a real program in the context");
        return Engine.Outcome.OK;
    }

    private static void list(Console c, String... names) {
        for (String n : names) {
            c.plain(String.format("  %-14s %s", n, TOPICS.get(n)[1]));
        }
    }
}
