package dev.diyc.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diyc.explain.CallExplanations;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallFormatTest {
    @Test
    void decodesCloneFlagsInKernelOrder() {
        assertEquals("CLONE_NEWUTS", Flags.CLONE.decode(Flags.CLONE_NEWUTS));
        assertEquals("CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWPID",
                Flags.CLONE.decode(Flags.CLONE_NEWPID | Flags.CLONE_NEWUTS | Flags.CLONE_NEWNS));
    }

    @Test
    void decodesMountFlagsAndKeepsUnknownBitsAsHex() {
        assertEquals("MS_REC|MS_PRIVATE", Flags.MS.decode(Flags.MS_REC | Flags.MS_PRIVATE));
        assertEquals("0", Flags.MS.decode(0));
        assertEquals("MS_BIND|0x40000000", Flags.MS.decode(Flags.MS_BIND | 0x40000000L));
        assertEquals("MNT_DETACH", Flags.MNT.decode(Flags.MNT_DETACH));
    }

    @Test
    void quotesAndEscapesStringsLikeStrace() {
        assertEquals("\"rootfs/\"", Arg.str("rootfs/"));
        assertEquals("NULL", Arg.str(null));
        assertEquals("\"0 1000 1\\n\"", Arg.str("0 1000 1\n"));
        assertEquals("\"a\\\"b\\\\c\\t\"", Arg.str("a\"b\\c\t"));
        assertEquals("\"\\33[0m\"", Arg.str("\033[0m"));
        assertEquals("5</proc/42/ns/pid>", Arg.fd(5, "/proc/42/ns/pid"));
    }

    @Test
    void printsSuccessAndFailureTheWayStraceDoes() {
        assertEquals("unshare(CLONE_NEWUTS) = 0", new Call("unshare", List.of("CLONE_NEWUTS"), 0, 0, null).line());
        assertEquals("pivot_root(\"rootfs\", \"rootfs/old\") = -1 EINVAL (Invalid argument)",
                new Call("pivot_root", List.of(Arg.str("rootfs"), Arg.str("rootfs/old")), -1, Errno.EINVAL, null).line());
        assertEquals("mount(\"none\", \"/\", NULL, MS_REC|MS_PRIVATE, NULL) = -1 EPERM (Operation not permitted)",
                new Call("mount", List.of(Arg.str("none"), Arg.str("/"), Arg.str(null), Flags.MS.decode(Flags.MS_REC | Flags.MS_PRIVATE), Arg.str(null)),
                        -1, Errno.EPERM, null).line());
    }

    @Test
    void everyCommonFailureHasALikelyCause() {
        for (int errno : new int[] {Errno.EINVAL, Errno.EBUSY, Errno.ENOENT}) {
            Call c = new Call("pivot_root", List.of(), -1, errno, null);
            assertEquals(true, CallExplanations.of(c) != null, "pivot_root " + Errno.name(errno));
        }
        assertEquals(true, CallExplanations.of(new Call("umount2", List.of(), -1, Errno.EINVAL, null)).contains("not a mount point"));
        assertEquals(true, CallExplanations.of(new Call("unshare", List.of(), -1, Errno.EPERM, null)).contains("sudo"));
    }
}
