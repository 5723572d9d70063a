package dev.diyc.ns;

import dev.diyc.sys.Syscalls;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The host's namespaces, read once at start-up from the JVM's main thread (which never leaves them),
 * and an fd on the host's PID namespace for threads to return to.
 */
public final class HostNamespaces {
    private final Map<Namespace, String> ids = new EnumMap<>(Namespace.class);
    private final int pidFd;

    public HostNamespaces() {
        for (Namespace n : Namespace.values()) {
            ids.put(n, n.of(Path.of("/proc/self")));
        }
        pidFd = Syscalls.open("/proc/self/ns/pid", Syscalls.O_RDONLY);
    }

    public String id(Namespace n) {
        return ids.get(n);
    }

    public int pidFd() {
        return pidFd;
    }
}
