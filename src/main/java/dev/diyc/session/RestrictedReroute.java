package dev.diyc.session;

import dev.diyc.ns.Container;

/**
 * Wraps a native command: in a container whose shell lacks capabilities or runs under a seccomp filter
 * ({@code capsh --drop}, {@code seccomp --deny}), the command runs as the container's own program, in
 * its shell. diyc's thread keeps every capability and no filter (a restriction on it would never come
 * off), so a syscall diyc made itself would succeed where the container's would not.
 */
final class RestrictedReroute extends ForwardingCommand {
    RestrictedReroute(Command inner) {
        super(inner);
    }

    @Override
    public Outcome run(Engine engine, Call call) {
        if (call.context() instanceof Container c && c.restriction() != null) {
            call.console().say(call.words().get(0) + " runs as the container's own program: its shell lacks what "
                    + "capsh or seccomp took away, and diyc's thread does not");
            return engine.inShell(c, call.line());
        }
        return inner.run(engine, call);
    }
}
