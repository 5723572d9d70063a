package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import dev.diyc.testing.Transcript;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** chroot-escape: a root task in a chroot climbs out for real, and no higher than a pivoted root. */
class ChrootEscapeIT {
    /** A jail holding the host's /bin/sh and ls with their libraries, as lesson 1 builds it. */
    private static final String JAIL = """
            host mkdir -p jail
            host cp --parents /bin/sh $(ldd /bin/sh | grep -o '/[^ ]*') jail
            host cp --parents /bin/ls $(ldd /bin/ls | grep -o '/[^ ]*') jail
            """;

    /** Runs a script as root and checks the host is as it was, whatever the escape did. */
    private static Transcript run(String script, int exitCode) {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script(script);
        assertFalse(r.output().contains("\tat ") || r.output().contains("Exception"), r.output());
        assertEquals(exitCode, r.exitCode(), r.output());
        HostState.assertUnchanged(before, r.output());
        return new Transcript(r.output());
    }

    private static List<String> calls(String output, String call) {
        return output.lines().filter(l -> l.startsWith(call)).toList();
    }

    @Test
    void aJailedRootProcessClimbsToTheHostsRoot() {
        Transcript t = run(JAIL + """
                ctr chroot jail
                host readlink /proc/$CTR/root
                ctr chroot-escape bin
                host readlink /proc/$CTR/root
                compare ls /
                """, 0);
        Path jail = Path.of(t.output("host readlink /proc/$CTR/root", 0).strip());
        assertTrue(jail.endsWith("jail"), jail.toString());
        String escape = t.output("ctr chroot-escape bin");
        assertEquals(List.of("chroot(\"bin\") = 0"), calls(escape, "chroot(\"bin\")"), escape);
        // One chdir("..") per directory on the jail's host path, and one more that finds / above /.
        assertEquals(jail.getNameCount() + 1, calls(escape, "chdir(\"..\") = 0").size(), escape);
        assertEquals(List.of("chroot(\".\") = 0"), calls(escape, "chroot(\".\")"), escape);
        assertTrue(escape.contains("now at " + jail.getParent()), escape);
        assertTrue(escape.replaceAll("\\s+", " ").contains("are the host's /"), escape);
        assertEquals("/\n", t.output("host readlink /proc/$CTR/root", 1));
        assertFalse(t.output("compare ls /").contains("≠"), "the container's / is the host's:\n" + t.output("compare ls /"));
    }

    @Test
    void afterPivotRootTheClimbEndsAtTheContainersOwnRoot() {
        Transcript t = run("""
                ctr unshare -m
                ctr mount --bind rootfs rootfs
                ctr mkdir -p rootfs/old
                ctr pivot_root rootfs rootfs/old
                ctr cd /
                ctr umount -l /old
                ctr chroot-escape bin
                ctr ls /
                """, 0);
        String escape = t.output("ctr chroot-escape bin");
        assertEquals(1, calls(escape, "chdir(\"..\") = 0").size(), "'..' of the top of the root mount goes nowhere:\n" + escape);
        assertTrue(escape.replaceAll("\\s+", " ").contains("top of the container's own root mount"), escape);
        assertTrue(t.output("ctr ls /").contains("I_AM_THE_CONTAINER"), t.output("ctr ls /"));
    }

    @Test
    void mistakesGetOneLineAndLeaveTheJailAsItWas() {
        Transcript t = run(JAIL + """
                host chroot-escape bin
                ctr chroot-escape bin
                ctr chroot jail
                ctr chroot-escape
                ctr chroot-escape nowhere
                ctr ls /
                host readlink /proc/$CTR/root
                """, 1);
        assertTrue(t.output("host chroot-escape bin").contains("in the host context"), t.output("host chroot-escape bin"));
        assertTrue(t.output("ctr chroot-escape bin").contains("no jail to leave"), t.output("ctr chroot-escape bin"));
        assertTrue(t.output("ctr chroot-escape").contains("missing required parameter"), t.output("ctr chroot-escape"));
        assertTrue(t.output("ctr chroot-escape nowhere").contains("chroot(\"nowhere\") = -1 ENOENT"), t.output("ctr chroot-escape nowhere"));
        List<String> root = t.output("ctr ls /").lines().toList();
        assertTrue(root.contains("bin") && !root.contains("etc"), "the shell is still in the jail: " + root);
        String jailedRoot = t.output("host readlink /proc/$CTR/root").lines().findFirst().orElse("");
        assertTrue(jailedRoot.endsWith("/jail"), "still jailed: " + jailedRoot);
    }
}
