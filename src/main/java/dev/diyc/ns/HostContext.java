package dev.diyc.ns;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/** The host: a shell in the host's namespaces, started in the playground directory. */
public final class HostContext extends Context {
    private final IntSupplier containerPid;

    public HostContext(Path playground, Lifeline lifeline, Sink background, IntSupplier containerPid) {
        super(new NsThread("diyc-host", playground), lifeline, background);
        this.containerPid = containerPid;
        this.shell = startShellOnThread(List.of("/bin/sh"));
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    protected Map<String, String> vars() {
        return Map.of("CTR", Integer.toString(containerPid.getAsInt()));
    }

    /** Starts a new host shell if the learner ended the old one (with exit in a compound line, say). */
    public void ensureShell() {
        if (!shell.alive()) {
            shell = startShellOnThread(List.of("/bin/sh"));
        }
    }
}
