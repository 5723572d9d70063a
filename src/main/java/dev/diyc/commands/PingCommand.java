package dev.diyc.commands;

import dev.diyc.net.Ping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ping", mixinStandardHelpOptions = true,
        description = {"ICMP echo from the context's network namespace, as ping does it (IPv4 addresses only).",
                "Without -c it goes on until Ctrl-C, like iputils' ping."})
final class PingCommand extends NativeCommand {
    @Option(names = "-c", paramLabel = "COUNT", description = "stop after COUNT replies' worth of requests") int count;
    @Option(names = "-W", paramLabel = "SECONDS", defaultValue = "10",
            description = "how long the last request waits for its reply (each other one waits until the next is due), 10 s as in iputils")
    double timeout;
    @Option(names = "-i", paramLabel = "SECONDS", defaultValue = "1", description = "the time between requests") double interval;
    @Option(names = "-q", description = "accepted") boolean quiet;

    @Parameters(paramLabel = "ADDRESS") String host;

    @Override
    public Integer call() {
        var ctx = inv.ctx();
        var console = inv.console();
        // The socket must live in the context's network namespace, so the pings go out from its thread.
        Ping.Stats s = ctx.thread().call(() -> Ping.run(host, count, Math.max(0.2, interval), timeout, ctx::cancelled,
                line -> console.out(line + "\n")));
        return s.received() > 0 ? 0 : 1;
    }
}
