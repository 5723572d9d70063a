package dev.diyc.bench;

import dev.diyc.Home;
import dev.diyc.ns.Lab;
import dev.diyc.rootfs.Rootfs;
import dev.diyc.session.Engine;
import dev.diyc.session.Outcome;
import dev.diyc.sys.Native;
import dev.diyc.term.Console;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * diyc's {@code run} against runc (Debian's package), alternating in one run: a whole container
 * with a memory and a pids limit, PID, IPC, UTS, mount and cgroup namespaces, the image as root
 * through pivot_root, a /proc, a hostname, {@code /bin/true} inside, and the teardown (cgroups
 * removed). runc's config is cut to the same: no network namespace, /proc as its only mount, no
 * read-only root. diyc prints every step (to a null writer here) and runs true through the
 * container's shell; runc execs it directly. Not a test: run it with src/bench/bench.sh.
 */
public final class RunBench {
    private static final String RUN = "run --memory 32M --pids 20 --hostname box rootfs true";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Native.warmUp();
        Path image = Rootfs.ensureDefault(Home.dir(), s -> {});
        Path bundle = Files.createTempDirectory("diyc-runc-bundle");
        Files.writeString(bundle.resolve("config.json"), config(image));
        Console quiet = new Console(new PrintWriter(Writer.nullWriter()), false, () -> 80);
        Engine engine = BenchSession.open(image, quiet);
        Lab lab = engine.lab();
        List<Long> diyc = new ArrayList<>();
        List<Long> runc = new ArrayList<>();
        try {
            for (int i = 0; i < rounds + 10; i++) {
                long t0 = System.nanoTime();
                if (engine.execute(RUN) != Outcome.OK) {
                    throw new IllegalStateException("failed: " + RUN);
                }
                lab.resetAll(); // the container ends and its cgroup goes, as runc's does
                long t1 = System.nanoTime();
                Alternative.run(List.of("runc", "run", "--bundle", bundle.toString(), "diyc-bench-" + i));
                long t2 = System.nanoTime();
                if (i >= 10) { // the first rounds warm the JIT up
                    diyc.add(t1 - t0);
                    runc.add(t2 - t1);
                }
            }
        } finally {
            lab.close();
            Files.delete(bundle.resolve("config.json"));
            Files.delete(bundle);
        }
        System.out.printf("rounds: %d (after 10 warm-up rounds)%n", rounds);
        System.out.println("diyc " + RUN + ", then reset: " + Stats.summary(diyc));
        System.out.println("runc run (same namespaces, limits, /proc, /bin/true):            " + Stats.summary(runc));
        System.out.printf("ratio diyc / runc: %.2f%n", Stats.median(diyc) / Stats.median(runc));
    }

    /** A minimal OCI config: what diyc's run does, and no more. */
    private static String config(Path image) {
        return """
                {
                  "ociVersion": "1.0.2",
                  "process": {"terminal": false, "user": {"uid": 0, "gid": 0}, "args": ["/bin/true"],
                              "env": ["PATH=/usr/sbin:/usr/bin:/sbin:/bin"], "cwd": "/"},
                  "root": {"path": "%s"},
                  "hostname": "box",
                  "mounts": [{"destination": "/proc", "type": "proc", "source": "proc"}],
                  "linux": {
                    "namespaces": [{"type": "pid"}, {"type": "ipc"}, {"type": "uts"}, {"type": "mount"}, {"type": "cgroup"}],
                    "resources": {"memory": {"limit": 33554432}, "pids": {"limit": 20}}
                  }
                }
                """.formatted(image);
    }
}
