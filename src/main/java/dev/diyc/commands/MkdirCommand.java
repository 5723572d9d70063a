package dev.diyc.commands;

import dev.diyc.sys.Syscalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * mkdir(2) made by diyc, so that the mount point of a bind mount or the put_old of pivot_root shows
 * up in the transcript like the calls around it. Only plain and {@code -p} forms: any other option
 * goes to the context's own mkdir program (see {@link NativeCommands#handles}).
 */
@Command(name = "mkdir", mixinStandardHelpOptions = true,
        description = {"Make directories with mkdir(2), as coreutils' mkdir does, relative to where the context's shell "
                + "stands. Mode 0777, less the umask. Other options (-m, -v) run the context's own mkdir."})
final class MkdirCommand extends NativeCommand {
    private static final int MODE = 0777;

    @Option(names = {"-p", "--parents"}, description = "make missing parents too; a directory that exists is no error")
    boolean parents;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the directories to make")
    List<String> dirs = new ArrayList<>();

    @Override
    public Integer call() {
        inv.ctx().inShellCwd(() -> {
            for (String dir : dirs) {
                if (parents) {
                    makeWithParents(dir);
                } else {
                    Syscalls.mkdir(dir, MODE, null);
                }
            }
            return null;
        });
        return 0;
    }

    /**
     * One mkdir per missing component, as coreutils' -p. A relative path is given to the kernel as it
     * is, so it resolves against the thread's working directory: the shell's, after inShellCwd.
     */
    private static void makeWithParents(String dir) {
        List<String> missing = new ArrayList<>();
        for (Path p = Path.of(dir); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p.toString());
        }
        for (String p : missing) {
            Syscalls.mkdir(p, MODE, null);
        }
    }
}
