package dev.diyc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.diyc.net.Netns;
import dev.diyc.net.RtNetlink;
import dev.diyc.ns.NsThread;
import dev.diyc.sys.Flags;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.Syscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A network namespace of the test's own: a JVM thread that unshared CLONE_NEWNET, and an rtnetlink
 * socket opened on that thread (so it talks to that namespace). Closing the socket and ending the
 * thread drops the last references, and the kernel destroys the namespace with every link in it.
 */
public final class ThreadNetns implements AutoCloseable {
    private final NsThread thread;
    private final RtNetlink net;

    private ThreadNetns(NsThread thread, RtNetlink net) {
        this.thread = thread;
        this.net = net;
    }

    /** @param recorder where the calls made on the namespace's thread go */
    public static ThreadNetns create(String name, Recorder recorder) {
        NsThread t = new NsThread(name, Path.of(System.getProperty("java.io.tmpdir")), recorder);
        try {
            RtNetlink n = t.call(() -> {
                Syscalls.unshare(Flags.CLONE_NEWNET, null);
                return RtNetlink.open();
            });
            return new ThreadNetns(t, n);
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /** Runs on the namespace's thread, as a diyc context would. */
    public <T> T call(Function<RtNetlink, T> work) {
        return thread.call(() -> work.apply(net));
    }

    public void run(Consumer<RtNetlink> work) {
        thread.call(() -> {
            work.accept(net);
            return null;
        });
    }

    public int tid() {
        return thread.tid();
    }

    /** The namespace file, as another process sees it. */
    public String path() {
        return "/proc/" + ProcessHandle.current().pid() + "/task/" + thread.tid() + "/ns/net";
    }

    /** An fd on this namespace, for IFLA_NET_NS_FD; the caller closes it. */
    public Netns.Fd openFd() {
        return Netns.open("/proc/self/task/" + thread.tid() + "/ns/net");
    }

    /** Runs a program in this namespace (nsenter --net=...), returns its standard output, fails on error. */
    public String exec(String... command) {
        List<String> argv = new ArrayList<>(List.of("nsenter", "--net=" + path()));
        argv.addAll(List.of(command));
        return run(argv);
    }

    /** iproute2's view of this namespace. */
    public String ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        return exec(argv.toArray(String[]::new));
    }

    public static String run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", argv) + ": timed out");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                fail(String.join(" ", argv) + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            return fail(String.join(" ", argv) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    @Override
    public void close() {
        try {
            net.close();
        } finally {
            thread.close();
        }
    }
}
