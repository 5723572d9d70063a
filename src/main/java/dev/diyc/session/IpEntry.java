package dev.diyc.session;

import java.util.List;

/** The native ip, whose arguments complete to iproute2's keywords: objects, then verbs, then the rest. */
final class IpEntry extends ForwardingCommand {
    private static final List<String> OBJECTS = List.of("link", "addr", "route", "-br");
    private static final List<String> VERBS = List.of("show", "add", "set", "del");
    private static final List<String> KEYWORDS = List.of("type", "veth", "bridge", "peer", "name", "netns", "dev", "up",
            "down", "master", "nomaster", "via", "default");

    IpEntry(Group group) {
        super(new NativeCommandEntry("ip", group));
    }

    @Override
    public Candidates complete(Engine engine, List<String> args) {
        return Candidates.of(args.size() == 1 ? OBJECTS : args.size() == 2 ? VERBS : KEYWORDS);
    }
}
