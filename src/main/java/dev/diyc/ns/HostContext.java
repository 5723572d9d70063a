package dev.diyc.ns;

import dev.diyc.sys.Recorder;
import dev.diyc.term.Sink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The host: a shell in the host's namespaces, started in the playground directory. */
public final class HostContext extends Context {
    private final Supplier<Map<String, String>> vars;

    /** @param vars the lab's variables ($CTR), read when each command runs */
    public HostContext(Path playground, Lifeline lifeline, Sink background, Recorder recorder, Supplier<Map<String, String>> vars) {
        super(new NsThread("diyc-host", playground, recorder), lifeline, background);
        this.vars = vars;
        this.shell = startShellOnThread(List.of("/bin/sh"));
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    protected Map<String, String> vars() {
        return vars.get();
    }

    /** Starts a new host shell if the learner ended the old one (with exit in a compound line, say). */
    public void ensureShell() {
        if (!shell.alive()) {
            shell = startShellOnThread(List.of("/bin/sh"));
        }
    }
}
