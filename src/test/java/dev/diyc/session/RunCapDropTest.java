package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** run --cap-drop in docker's spelling becomes capsh's line, after every step that needs the capabilities. */
class RunCapDropTest {
    private static List<String> steps(String... words) {
        RunCommand run = new RunCommand(false);
        new CommandLine(run).parseArgs(words);
        return run.steps("run/1");
    }

    @Test
    void capDropIsTheLastLineInCapshsSpelling() {
        List<String> s = steps("--net", "--cap-drop", "NET_ADMIN,sys_admin", "--cap-drop", "CAP_CHOWN");
        assertEquals("ctr capsh --drop=cap_net_admin,cap_sys_admin,cap_chown --", s.get(s.size() - 1));
        assertTrue(s.get(s.size() - 2).startsWith("ctr ip route add default"), "the network is set up first: " + s);
    }

    @Test
    void withoutCapDropNoCapshLine() {
        assertTrue(steps().stream().noneMatch(l -> l.contains("capsh")));
    }
}
