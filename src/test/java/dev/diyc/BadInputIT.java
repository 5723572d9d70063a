package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import dev.diyc.testing.Transcript;
import org.junit.jupiter.api.Test;

/** Every mistake a learner makes gets one clear line, never a stack trace, and the REPL carries on. */
class BadInputIT {
    @Test
    void eachMistakeGetsOneClearLine() {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script("""
                frobnicate --now
                ctr unshare --bogus
                ctr unshare --fpnumi
                ctr pivot_root rootfs
                ctr mount --bind rootfs rootfs
                ctr hostname evil
                host hostname evil
                host mount -t tmpfs tmpfs /mnt
                ctr unshare -m
                ctr pivot_root rootfs rootfs/nonexistent
                ctr umount /not/mounted
                ctr mount -t tmpfs tmpfs /does/not/exist
                ctr ls /does/not/exist
                ctr echo "unterminated
                host
                use moon
                compare
                lesson run 99
                shell
                explain nothing
                run --bogus
                run nothere
                run --hostname 'a b'
                run --memory 1k
                run --memory lots
                run --pids 0
                run --pids many
                host ip netns del nothere
                host iptables -t mangle -S
                ctr2 ip link set nothere up
                ctr echo still-alive
                """);
        String out = r.output();
        assertFalse(out.contains("\tat ") || out.contains("Exception"), out);
        assertEquals(1, r.exitCode(), "failures make scripted mode exit 1");
        Transcript t = new Transcript(out);
        assertOneLine(t, "frobnicate --now", "not found");
        assertOneLine(t, "ctr unshare --bogus", "diyc: unshare: unknown option: '--bogus' (try: unshare --help)");
        assertOneLine(t, "ctr unshare --fpnumi", "did you mean -fpnumi?");
        assertOneLine(t, "ctr pivot_root rootfs", "diyc: pivot_root: missing required parameter");
        assertOneLine(t, "ctr mount --bind rootfs rootfs", "shares the host's mnt namespace");
        assertOneLine(t, "ctr hostname evil", "Unshare it first: unshare --uts");
        assertOneLine(t, "host hostname evil", "in the host context");
        assertOneLine(t, "host mount -t tmpfs tmpfs /mnt", "in the host context");
        assertTrue(t.output("ctr pivot_root rootfs rootfs/nonexistent").contains("-1 ENOENT"), t.output("ctr pivot_root rootfs rootfs/nonexistent"));
        assertTrue(t.output("ctr umount /not/mounted").contains("-1 E"), t.output("ctr umount /not/mounted"));
        assertTrue(t.output("ctr mount -t tmpfs tmpfs /does/not/exist").contains("-1 ENOENT"));
        assertOneLine(t, "ctr ls /does/not/exist", "No such file");
        assertOneLine(t, "host", "host what?");
        assertOneLine(t, "use moon", "use takes host, ctr, or ctr2 ... ctr9 for another container");
        assertOneLine(t, "compare", "compare what?");
        assertOneLine(t, "lesson run 99", "there is no lesson 99");
        assertOneLine(t, "shell", "scripted mode has no terminal");
        assertOneLine(t, "explain nothing", "no topic 'nothing'");
        assertOneLine(t, "run --bogus", "diyc: run: Unknown option: '--bogus' (run --help shows the options)");
        assertOneLine(t, "run nothere", "nothere is not a root filesystem in the playground");
        assertOneLine(t, "run --hostname 'a b'", "diyc: run: the image is a directory");
        assertOneLine(t, "run --memory 1k", "diyc: run --memory: at least 6M");
        assertOneLine(t, "run --memory lots", "diyc: run --memory: 'lots' is not a size");
        assertOneLine(t, "run --pids 0", "diyc: run --pids: at least 1");
        assertOneLine(t, "run --pids many", "diyc: run --pids: 'many' is not a count: write a number such as 20, or max");
        assertOneLine(t, "host ip netns del nothere", "there is no network namespace named nothere");
        assertOneLine(t, "host iptables -t mangle -S", "diyc knows the nat table's MASQUERADE rule");
        assertTrue(t.output("ctr2 ip link set nothere up").contains("-1 ENODEV"), t.output("ctr2 ip link set nothere up"));
        assertTrue(t.output("ctr echo still-alive").startsWith("still-alive\n"), "the REPL carried on");
        HostState.assertUnchanged(before, out);
    }

    private static void assertOneLine(Transcript t, String line, String part) {
        String out = t.output(line);
        assertEquals(1, out.lines().count(), line + " →\n" + out);
        assertTrue(out.contains(part), line + " → " + out);
    }
}
