package dev.diyc.commands;

import dev.diyc.sys.Syscalls;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** rmdir(2) made by diyc, like {@link MkdirCommand}: pivot_root's put_old goes the way it came. */
@Command(name = "rmdir", mixinStandardHelpOptions = true,
        description = {"Remove empty directories with rmdir(2), relative to where the context's shell stands. "
                + "Options (-p, -v) run the context's own rmdir."})
final class RmdirCommand extends NativeCommand {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "the empty directories to remove")
    List<String> dirs = new ArrayList<>();

    @Override
    public Integer call() {
        inv.ctx().inShellCwd(() -> {
            for (String dir : dirs) {
                Syscalls.rmdir(dir, null);
            }
            return null;
        });
        return 0;
    }
}
