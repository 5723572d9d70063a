package dev.diyc.session;

import dev.diyc.ns.Container;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a native command: in a container inside a user namespace, the command runs as the container's
 * own program instead ({@code ip link} is the image's ip). diyc's thread cannot join a user namespace
 * (a JVM is multi-threaded), so its syscalls would run with the host's credentials and namespaces;
 * the container's programs have the namespace's. unshare and su are not wrapped: they are how the
 * user namespace is made and entered.
 */
final class UserNamespaceReroute extends ForwardingCommand {
    UserNamespaceReroute(Command inner) {
        super(inner);
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        if (call.context() instanceof Container c && c.userNamespace() != null) {
            List<String> words = new ArrayList<>(call.words());
            return c.userNamespace().runAsProgram(words, call.console(), call.console()::say) == 0 ? Outcome.OK : Outcome.FAILED;
        }
        return inner.run(engine, call);
    }
}
