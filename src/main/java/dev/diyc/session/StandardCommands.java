package dev.diyc.session;

import dev.diyc.lesson.Tutor;
import java.nio.file.Path;
import java.util.List;

/**
 * Every command diyc knows, registered once, in the order help lists them. Whatever is not here runs
 * as a program in the context's shell.
 */
final class StandardCommands {
    private StandardCommands() {}

    static void register(Registry r, Path home, Tutor tutor, Frontend frontend) {
        r.add(new ContextPrefix(List.of("host"), new WrittenHelp("host CMD",
                "Run CMD on the host, in a real host shell that started in the playground.", "host ps -o pid,user,args -p $CTR")));
        r.add(new ContextPrefix(List.of("ctr"), new WrittenHelp("ctr CMD",
                "Run CMD in the container: its namespaces, its root, its shell (PID 1 after unshare --pid --fork).", "ctr echo $$")));
        r.add(new ContextPrefix(ContextPrefix.otherContainers(), new WrittenHelp("ctr2 CMD",
                "Run CMD in a second container (ctr3 ... ctr9 likewise), started on first use; $CTR2 is its host PID.",
                "ctr2 unshare --net")));
        r.add(new UseCommand());
        r.add(frontend.shell());
        r.add(new ExitCommand());
        r.add(new QuitCommand());

        // unshare and su make and enter the user namespace; every other native command, in a
        // container inside one, is the container's program.
        r.add(new RestrictedReroute(new NativeCommandEntry("unshare", Group.SYSCALLS)));
        rerouted(r, "hostname", Group.SYSCALLS);
        rerouted(r, "mount", Group.SYSCALLS);
        rerouted(r, "umount", Group.SYSCALLS);
        rerouted(r, "pivot_root", Group.SYSCALLS);
        rerouted(r, "chroot", Group.SYSCALLS);
        rerouted(r, "chroot-escape", Group.SYSCALLS);
        r.add(new RestrictedReroute(new NativeCommandEntry("su", Group.SYSCALLS)));
        r.add(new RestrictedReroute(new UserNamespaceReroute(new IpEntry(Group.SYSCALLS))));
        rerouted(r, "ping", Group.SYSCALLS);
        rerouted(r, "ipcmk", Group.SYSCALLS);
        rerouted(r, "ipcrm", Group.SYSCALLS);
        // capsh and seccomp restrict the container's next shell; in one, they add to what it lacks.
        r.add(new NativeCommandEntry("capsh", Group.SYSCALLS));
        r.add(new NativeCommandEntry("seccomp", Group.SYSCALLS));

        r.add(new CompareCommand());
        rerouted(r, "lsns", Group.SEEING);
        rerouted(r, "ipcs", Group.SEEING);
        r.add(new GuardCommand());

        for (String cg : List.of("cgcreate", "cgset", "cgget", "cgclassify", "cgexec", "cgdelete")) {
            rerouted(r, cg, Group.CGROUPS);
        }

        r.add(new LessonCommand(tutor));
        r.add(new StepCommand("where", new WrittenHelp("where",
                "Where you are: the current step's text and commands again, without running anything.", "where"), () -> {
                    tutor.where();
                    return true;
                }));
        r.add(new StepCommand("step", new WrittenHelp("step",
                "Show the current step and let diyc type its commands for you, then check it.", "step"), tutor::runStep));
        r.add(new StepCommand("check", new WrittenHelp("check",
                "Check the current step against the real state of the host and the container, however you got there.", "check"),
                tutor::check));
        r.add(new StepCommand("hint", new WrittenHelp("hint",
                "What the last failed check saw (else a nudge); hint again shows the exact commands.", "hint"), () -> {
                    tutor.hint();
                    return true;
                }));
        r.add(new StepCommand("next", new WrittenHelp("next",
                "On to the next step once this one passed its check (it checks first if need be).", "next"), () -> {
                    tutor.next();
                    return true;
                }));
        r.add(new ResetCommand(tutor));

        r.add(new ExplainCommand(home.resolve("lessons/explain")));
        r.add(new HelpCommand(r));

        // Not in help's overview, each with help of its own.
        r.add(new RunCommand(frontend.interactive()));
        rerouted(r, "iptables", Group.UNLISTED);
        rerouted(r, "mkdir", Group.UNLISTED);
        rerouted(r, "rmdir", Group.UNLISTED);
        r.add(new IdMapWriteForm());
    }

    private static void rerouted(Registry r, String name, Group group) {
        r.add(new RestrictedReroute(new UserNamespaceReroute(new NativeCommandEntry(name, group))));
    }
}
