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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a container takes to make: diyc in-process (UTS, IPC, mount and PID namespaces, a bind
 * mount, pivot_root, a /proc for the PID namespace, PID 1 running, then {@code true} run inside) against
 * util-linux's {@code unshare --fork --pid --mount --uts --ipc --mount-proc chroot ROOTFS /bin/true},
 * alternating in one run so both see the same machine. Not a test: run it with src/bench/bench.sh.
 */
public final class ContainerBench {
    private static final String[] STEPS = {
        "ctr unshare --fork --pid --mount --uts --ipc",
        "ctr mount --bind rootfs rootfs",
        "ctr pivot_root rootfs rootfs/old",
        "ctr umount -l /old",
        "ctr mount -t proc proc /proc",
        "ctr true",
    };

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Native.warmUp();
        Path image = Rootfs.ensureDefault(Home.dir(), s -> {});
        Console quiet = new Console(new PrintWriter(Writer.nullWriter()), false, () -> 80);
        Engine engine = BenchSession.open(image, quiet);
        Lab lab = engine.lab();
        engine.execute("ctr mkdir -p rootfs/old");
        String rootfs = lab.playground().resolve("rootfs").toString();
        List<Long> diyc = new ArrayList<>();
        List<Long> teardown = new ArrayList<>();
        List<Long> utilLinux = new ArrayList<>();
        long[] perStep = new long[STEPS.length];
        for (int i = 0; i < rounds + 20; i++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < STEPS.length; k++) {
                long s0 = System.nanoTime();
                if (engine.execute(STEPS[k]) != Outcome.OK) {
                    throw new IllegalStateException("failed: " + STEPS[k]);
                }
                if (i >= 20) {
                    perStep[k] += System.nanoTime() - s0;
                }
            }
            long t1 = System.nanoTime();
            lab.resetContainer();
            long t2 = System.nanoTime();
            Alternative.run(List.of("unshare", "--fork", "--pid", "--mount", "--uts", "--ipc", "--mount-proc",
                    "chroot", rootfs, "/bin/true"));
            long t3 = System.nanoTime();
            if (i >= 20) { // the first rounds warm the JIT up
                diyc.add(t1 - t0);
                teardown.add(t2 - t1);
                utilLinux.add(t3 - t2);
            }
        }
        lab.close();
        double d = Stats.median(diyc);
        double u = Stats.median(utilLinux);
        System.out.printf("rounds: %d (after 20 warm-up rounds)%n", rounds);
        System.out.println("diyc in-process container, ready and true run in it: " + Stats.summary(diyc));
        System.out.printf("diyc container teardown (ctr exit):                  median %.2f ms%n", Stats.median(teardown));
        System.out.println("util-linux unshare ... --mount-proc chroot ROOTFS /bin/true: " + Stats.summary(utilLinux));
        System.out.printf("ratio diyc / util-linux: %.2f%n", d / u);
        for (int k = 0; k < STEPS.length; k++) {
            System.out.printf("  mean %6.2f ms  %s%n", perStep[k] / 1e6 / rounds, STEPS[k]);
        }
    }
}
