package dev.diyc.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuardMessagesTest {
    private static final Set<HostNamespace> ALL = EnumSet.allOf(HostNamespace.class);

    @Test
    void hostnameIsToldWhichNamespaceAndWhatToDo() {
        assertEquals(Optional.of("hostname: stopped by diyc: ctr still shares the host's UTS namespace; ctr unshare --uts first"),
                GuardMessages.explain("hostname: you must be root to change the host name", ALL, "ctr"));
    }

    @Test
    void recognisesTheWordingsOfMountKillAndIp() {
        assertTrue(GuardMessages.explain("mount: /tmp/x: permission denied.", ALL, "ctr").orElseThrow()
                .startsWith("mount: stopped by diyc: ctr still shares the host's mount namespace; ctr unshare --mount first"));
        assertTrue(GuardMessages.explain("/bin/sh: 1: kill: Operation not permitted", ALL, "ctr2").orElseThrow()
                .startsWith("kill: stopped by diyc: ctr2 still shares the host's PID namespace"));
        assertTrue(GuardMessages.explain("RTNETLINK answers: Operation not permitted", ALL, "ctr").orElseThrow()
                .startsWith("ip: stopped by diyc: ctr still shares the host's network namespace"));
    }

    @Test
    void leavesLinesAloneWhenTheNamespaceIsNotSharedOrNothingWasRefused() {
        assertEquals(Optional.empty(), GuardMessages.explain("hostname: you must be root to change the host name",
                EnumSet.complementOf(EnumSet.of(HostNamespace.UTS)), "ctr"));
        assertEquals(Optional.empty(), GuardMessages.explain("mount: /mnt: special device /dev/sdz does not exist.", ALL, "ctr"));
        assertEquals(Optional.empty(), GuardMessages.explain("cat: /root/x: Permission denied", ALL, "ctr"));
    }
}
