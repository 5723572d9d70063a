package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.lesson.Lesson;
import dev.diyc.lesson.LessonLoader;
import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * kill -9 of diyc after each step of a lesson, the host compared with how it was before diyc started:
 * the lifeline must undo whatever the lesson had changed by then. The sample covers every kind of host
 * change the course makes: mounts in the playground (4), veth links and a named netns (7), a bridge,
 * NAT and ip_forward (8), IPC objects (9), cgroups (10). -Ddiyc.killnine.all=true tries every step of
 * every lesson.
 */
class KillAtEveryStepIT {
    private static final Set<String> SAMPLE = Set.of("mount", "net", "bridge", "ipc", "cgroups");
    private static final AtomicInteger KILLED = new AtomicInteger();

    @TestFactory
    List<DynamicTest> theHostComesBackAfterAKillAtEveryStep() throws IOException {
        Root.require();
        boolean all = Boolean.getBoolean("diyc.killnine.all");
        Path home = Path.of(System.getProperty("diyc.home", "")).toAbsolutePath();
        List<DynamicTest> tests = new ArrayList<>();
        for (Lesson l : LessonLoader.loadAll(home.resolve("lessons")).lessons()) {
            if (all || SAMPLE.contains(l.id())) {
                for (int step = 1; step <= l.steps().size(); step++) {
                    int done = step;
                    tests.add(DynamicTest.dynamicTest("lesson " + l.number() + " (" + l.id() + "), killed after step " + step,
                            () -> killAfter(l, done)));
                }
            }
        }
        assertTrue(tests.size() >= 25, "a sample of every kind of host change: " + tests.size() + " kill points");
        return tests;
    }

    @AfterAll
    static void report() {
        System.out.println("KillAtEveryStepIT: " + KILLED.get() + " kill points tried");
    }

    private static void killAfter(Lesson lesson, int steps) throws Exception {
        HostState before = HostState.now();
        Process diyc = Diyc.command("--script", "-").start();
        StringBuilder seen = new StringBuilder();
        try {
            StringBuilder script = new StringBuilder("lesson goto " + lesson.number() + "\n");
            for (int i = 1; i <= steps; i++) {
                script.append("step\n").append(i < steps ? "next\n" : "");
            }
            String marker = "KILL-POINT-" + lesson.number() + "-" + steps;
            script.append("host echo ").append(marker).append('\n');
            OutputStream in = diyc.getOutputStream();
            in.write(script.toString().getBytes(StandardCharsets.UTF_8));
            in.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(diyc.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals(marker)) {
                seen.append(line).append('\n');
            }
            assertEquals(marker, line, "diyc never reached the kill point:\n" + seen);
            assertTrue(diyc.toHandle().destroyForcibly());
            assertTrue(diyc.waitFor(10, TimeUnit.SECONDS));
            KILLED.incrementAndGet();
        } finally {
            if (diyc.isAlive()) {
                diyc.destroyForcibly();
            }
        }
        HostState.assertUnchanged(before, "after kill -9 of diyc after step " + steps + " of lesson " + lesson.number()
                + "; its output:\n" + seen);
    }
}
