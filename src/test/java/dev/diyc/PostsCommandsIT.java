package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import dev.diyc.testing.Transcript;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The posts' own commands, typed into diyc's scripted mode, make real syscalls and leave the host as it was. */
class PostsCommandsIT {
    private HostState before;

    @BeforeEach
    void root() {
        Root.require();
        before = HostState.now();
    }

    private Transcript run(String script, boolean expectSuccess) {
        return check(Diyc.script(script), expectSuccess);
    }

    private Transcript check(Diyc.Run r, boolean expectSuccess) {
        assertFalse(r.output().contains("\tat "), "no stack trace:\n" + r.output());
        assertFalse(r.output().contains("internal error"), r.output());
        if (expectSuccess) {
            assertEquals(0, r.exitCode(), r.output());
        }
        HostState.assertUnchanged(before, r.output());
        return new Transcript(r.output());
    }

    @Test
    void utsNamespaceGivesTheContainerItsOwnHostname() {
        Transcript t = run("""
                ctr unshare --uts
                ctr hostname child-of-diyc
                ctr hostname
                host hostname
                compare ns
                """, true);
        assertEquals("unshare(CLONE_NEWUTS) = 0\n", t.output("ctr unshare --uts"));
        assertEquals("sethostname(\"child-of-diyc\", 13) = 0\n", t.output("ctr hostname child-of-diyc"));
        assertEquals("child-of-diyc\n", t.output("ctr hostname"));
        assertEquals(before.hostname() + "\n", t.output("host hostname"));
        assertTrue(Pattern.compile("\\| uts +\\| +\\d+ \\| +\\d+ \\| isolated").matcher(t.output("compare ns")).find(), t.output("compare ns"));
        assertTrue(Pattern.compile("\\| net +\\| +(\\d+) \\| +\\1 \\| shared").matcher(t.output("compare ns")).find(), t.output("compare ns"));
        assertTrue(t.promptOf("ctr hostname").matches("ctr\\[\\d+\\]> "), "the prompt shows the container's host PID");
    }

    @Test
    void pidNamespaceMakesTheShellPidOneAndProcShowsOnlyTheContainer() {
        Transcript t = run("""
                ctr unshare -fpm
                ctr echo $$
                ctr ps -e | wc -l
                ctr mount -t proc proc /proc
                ctr ps -e -o pid=,comm=
                ctr sleep 999 &
                host ps -o user=,args= -p $CTR
                host pkill -f 'sleep 999'
                compare ps
                ctr exit
                ctr echo $$
                compare ns
                """, true);
        assertEquals("1\n", t.output("ctr echo $$"));
        assertTrue(Integer.parseInt(t.output("ctr ps -e | wc -l").strip()) > 10, "without its own /proc, ps shows the host's processes");
        assertTrue(t.output("ctr mount -t proc proc /proc").contains("= 0"), t.output("ctr mount -t proc proc /proc"));
        assertEquals("1 sh", t.output("ctr ps -e -o pid=,comm=").lines().findFirst().orElse("").strip());
        assertEquals(2, t.output("ctr ps -e -o pid=,comm=").lines().count(), "only the shell and ps itself");
        assertEquals("root     /bin/sh", t.output("host ps -o user=,args= -p $CTR").strip());
        assertTrue(t.output("compare ps").contains("ctr [host PID"), t.output("compare ps"));
        assertTrue(t.output("ctr exit").contains("namespaces are gone"), t.output("ctr exit"));
        assertFalse(t.output("ctr echo $$", 1).strip().equals("1"), "after exit the container shares the host's PID namespace again");
        assertFalse(t.output("compare ns").contains("isolated"), t.output("compare ns"));
    }

    /** Post 001 runs exec bash in its container: the shell becomes bash, still PID 1, and diyc goes on. */
    @Test
    void execReplacesTheContainersShellAndKeepsItsPid() {
        Transcript t = run("""
                ctr unshare --pid --fork --uts
                ctr hostname mycontainer
                ctr exec bash
                ctr echo $$ $BASH_VERSION
                ctr exec no-such-program
                ctr hostname
                """, false);
        assertTrue(t.output("ctr echo $$ $BASH_VERSION").matches("1 \\d+\\.\\d+.*\n"), t.output("ctr echo $$ $BASH_VERSION"));
        assertEquals("exec: no-such-program: not found\n", t.output("ctr exec no-such-program"), "a mistyped exec leaves the shell alive");
        assertTrue(t.output("ctr hostname").startsWith("mycontainer\n"), t.output("ctr hostname"));
    }

    /** Kernels before 6.18 (Ubuntu 22.04, 24.04) cannot name a PID namespace for procfs: the shell inside mounts it. */
    @Test
    void procForAPidNamespaceTheOlderKernelsWay() {
        Transcript t = check(Diyc.scriptWithOptions(List.of("-Ddiyc.procfs.pidns=false"), """
                ctr unshare --pid --fork --mount-proc
                ctr ps -e -o pid=,comm=
                ctr echo $$
                """), true);
        String unshared = t.output("ctr unshare --pid --fork --mount-proc").replaceAll("\\s+", " ");
        assertTrue(unshared.contains("the container's own shell, which is inside, runs: mount -t proc proc /proc"), unshared);
        assertFalse(t.output("ctr unshare --pid --fork --mount-proc").contains("fsopen"));
        assertEquals("1 sh", t.output("ctr ps -e -o pid=,comm=").lines().findFirst().orElse("").strip());
        assertEquals(2, t.output("ctr ps -e -o pid=,comm=").lines().count());
        assertEquals("1\n", t.output("ctr echo $$"));
    }

    @Test
    void mountNamespaceKeepsATmpfsFromTheHost() {
        Transcript t = run("""
                ctr unshare -m
                ctr mount --make-rprivate /
                ctr mkdir -p secret
                ctr mount -t tmpfs tmpfs secret
                ctr echo hidden > secret/note
                host ls secret
                ctr ls secret
                ctr cat /proc/mounts | wc -l
                host cat /proc/mounts | wc -l
                """, true);
        assertEquals("mount(\"none\", \"/\", NULL, MS_REC|MS_PRIVATE, NULL) = 0\n", t.output("ctr mount --make-rprivate /"));
        assertEquals("mount(\"tmpfs\", \"secret\", \"tmpfs\", 0, NULL) = 0\n", t.output("ctr mount -t tmpfs tmpfs secret"));
        assertEquals("", t.output("host ls secret"));
        assertEquals("note\n", t.output("ctr ls secret"));
        assertEquals(Integer.parseInt(t.output("host cat /proc/mounts | wc -l").strip()) + 1,
                Integer.parseInt(t.output("ctr cat /proc/mounts | wc -l").strip()));
    }

    @Test
    void pivotRootNeedsAMountPointThenMovesTheRoot() {
        Transcript t = run("""
                ctr unshare -m
                ctr mkdir -p rootfs/old
                ctr pivot_root rootfs rootfs/old
                ctr mount --bind rootfs/ rootfs/
                ctr pivot_root rootfs rootfs/old
                ctr cd /
                ctr ls /
                ctr ls /old/proc/1 | grep -c .
                ctr umount -l /old
                ctr ls /old
                host ls /
                """, false);
        assertTrue(t.output("ctr pivot_root rootfs rootfs/old", 0).matches("(?s)pivot_root\\(\"rootfs\", \"rootfs/old\"\\) = -1 (EINVAL|EBUSY) .*\n  → .*"),
                t.output("ctr pivot_root rootfs rootfs/old", 0));
        assertEquals("pivot_root(\"rootfs\", \"rootfs/old\") = 0\n", t.output("ctr pivot_root rootfs rootfs/old", 1));
        assertTrue(t.output("ctr ls /").contains("I_AM_THE_CONTAINER"), t.output("ctr ls /"));
        assertEquals("umount2(\"/old\", MNT_DETACH) = 0\n", t.output("ctr umount -l /old"));
        assertEquals("", t.output("ctr ls /old"));
        assertFalse(t.output("host ls /").contains("I_AM_THE_CONTAINER"));
    }

    @Test
    void pivotRootDotDotAndMoveAsInPost001() {
        Transcript t = run("""
                ctr unshare --mount --pid --fork --uts --ipc
                ctr mount --bind rootfs rootfs
                ctr mkdir -p newroot
                ctr mount --move rootfs newroot
                ctr cd newroot
                ctr pivot_root . .
                ctr umount -l .
                ctr cd /
                ctr ls /
                ctr mount -t proc none /proc
                ctr ps
                """, true);
        assertEquals("mount(\"rootfs\", \"newroot\", NULL, MS_MOVE, NULL) = 0\n", t.output("ctr mount --move rootfs newroot"));
        assertEquals("pivot_root(\".\", \".\") = 0\n", t.output("ctr pivot_root . ."));
        assertTrue(t.output("ctr ls /").contains("I_AM_THE_CONTAINER"), t.output("ctr ls /"));
        assertTrue(t.output("ctr ps").lines().anyMatch(l -> l.matches("\\s*1 .*sh")), t.output("ctr ps"));
    }

    @Test
    void unshareWithRootAndChrootRunInTheImage() {
        Transcript t = run("""
                ctr unshare -fpmu --mount-proc --root=rootfs
                ctr ls /
                ctr echo $$
                ctr exit
                ctr unshare -m
                ctr chroot rootfs /bin/ls /
                ctr ls / | grep I_AM_THE_CONTAINER || echo absent
                """, true);
        assertTrue(t.output("ctr ls /").contains("I_AM_THE_CONTAINER"), t.output("ctr ls /"));
        assertEquals("1\n", t.output("ctr echo $$"));
        assertTrue(t.output("ctr chroot rootfs /bin/ls /").contains("chroot(\"rootfs\") = 0"), t.output("ctr chroot rootfs /bin/ls /"));
        assertTrue(t.output("ctr chroot rootfs /bin/ls /").contains("I_AM_THE_CONTAINER"));
        assertEquals("absent\n", t.output("ctr ls / | grep I_AM_THE_CONTAINER || echo absent"), "after chroot CMD, the container's root is as before");
    }
}
