package dev.diyc.net;

import dev.diyc.ns.NsThread;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.Native;
import dev.diyc.sys.Syscalls;
import dev.diyc.testing.HostNetwork;
import dev.diyc.testing.ThreadNetns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long a container's network takes to set up: a veth pair with one end created straight into
 * the container's namespace (by its PID, as post 004 does), an address on each end, both ends up,
 * the container's lo up, and a default route in the container via the host end. Through diyc's
 * rtnetlink (a socket on the "host" thread, one opened on the container's thread, as diyc's
 * contexts would) against the same sequence of iproute2 commands in bash, alternating in one run.
 *
 * <p>Nothing touches the host's network: the "host" is a thread-private network namespace, the
 * container a child process ({@code unshare --net sleep}) in one of its own; iproute2's commands
 * run inside them through nsenter. The bash side times itself with $EPOCHREALTIME, so starting the
 * shell from the JVM is not counted; each of its commands is still a process, as when typed.
 *
 * <p>Not a test. Run it as root after src/bench/bench.sh has compiled the benchmarks:
 * {@code java -cp "target/bench-classes:target/classes:target/test-classes:target/lib/*" dev.diyc.net.NetSetupBench [rounds]}
 * (it uses the net tests' HostNetwork, from target/test-classes).
 */
public final class NetSetupBench {
    private static final int WARMUP = 20;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Native.warmUp();
        HostNetwork before = HostNetwork.now();
        Process container = new ProcessBuilder("unshare", "--net", "sleep", "3600").start();
        int pid = (int) container.pid();
        List<Long> diyc = new ArrayList<>();
        List<Long> iproute2 = new ArrayList<>();
        Recorder nowhere = new Recorder(); // the bench prints timings, not calls
        try (ThreadNetns host = ThreadNetns.create("bench-host", nowhere);
                NsThread ctr = new NsThread("bench-ctr", Path.of(System.getProperty("java.io.tmpdir")), nowhere)) {
            awaitOwnNetns(pid);
            // The container's thread joins the container's network namespace, as a diyc context's thread
            // would be in it; its socket is opened inside each timed round, as an ip command opens one.
            ctr.call(() -> {
                int fd = Syscalls.open("/proc/" + pid + "/ns/net", Syscalls.O_RDONLY);
                Syscalls.setns(fd, Flags.CLONE_NEWNET, null);
                Syscalls.close(fd);
                return null;
            });
            String script = String.join("\n",
                    "t0=$EPOCHREALTIME",
                    "ip link add vh type veth peer name vc netns " + pid,
                    "ip addr add 10.201.0.1/24 dev vh",
                    "ip link set vh up",
                    "nsenter --net=/proc/" + pid + "/ns/net ip addr add 10.201.0.2/24 dev vc",
                    "nsenter --net=/proc/" + pid + "/ns/net ip link set vc up",
                    "nsenter --net=/proc/" + pid + "/ns/net ip link set lo up",
                    "nsenter --net=/proc/" + pid + "/ns/net ip route add default via 10.201.0.1",
                    "t1=$EPOCHREALTIME",
                    "ip link del vh",
                    "echo $(( ${t1/./} - ${t0/./} ))");
            for (int i = 0; i < WARMUP + rounds; i++) {
                long t0 = System.nanoTime();
                host.run(n -> {
                    n.addVeth("vh", "vc", Netns.pid(pid));
                    n.addAddress("vh", "10.201.0.1/24");
                    n.setUp("vh", true);
                });
                ctr.call(() -> {
                    try (RtNetlink n = RtNetlink.open()) {
                        n.addAddress("vc", "10.201.0.2/24");
                        n.setUp("vc", true);
                        n.setUp("lo", true);
                        n.addDefaultRoute("10.201.0.1");
                    }
                    return null;
                });
                long t1 = System.nanoTime();
                host.run(n -> n.delete("vh")); // the pair goes, and with vc its address and the route
                String out = host.exec("bash", "-c", script).strip();
                long ipMicros = Long.parseLong(out.substring(out.lastIndexOf('\n') + 1).strip());
                if (i >= WARMUP) {
                    diyc.add(t1 - t0);
                    iproute2.add(ipMicros * 1000);
                }
            }
        } finally {
            container.destroyForcibly();
            container.waitFor(10, TimeUnit.SECONDS);
        }
        before.assertUnchanged();
        double d = pct(diyc, 50), u = pct(iproute2, 50);
        System.out.printf("rounds: %d (after %d warm-up rounds); 7 steps: veth with its peer into the container by PID,%n"
                + "  2 addresses, 2 links up, lo up, default route%n", rounds, WARMUP);
        System.out.printf("diyc rtnetlink:      median %6.3f ms (p10 %.3f, p90 %.3f)%n", d, pct(diyc, 10), pct(diyc, 90));
        System.out.printf("iproute2 ip in bash: median %6.3f ms (p10 %.3f, p90 %.3f)%n", u, pct(iproute2, 10), pct(iproute2, 90));
        System.out.printf("ratio diyc / iproute2: %.3f%n", d / u);
    }

    private static void awaitOwnNetns(int pid) throws IOException, InterruptedException {
        Path mine = Files.readSymbolicLink(Path.of("/proc/self/ns/net"));
        for (int i = 0; i < 200; i++) {
            try {
                if (!Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/net")).equals(mine)) {
                    return;
                }
            } catch (IOException e) {
                // not started yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("unshare --net did not get a network namespace of its own: "
                + new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8));
    }

    private static double pct(List<Long> ns, int p) {
        List<Long> s = new ArrayList<>(ns);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, s.size() * p / 100)) / 1e6;
    }
}
