package dev.diyc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.testing.Diyc;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import dev.diyc.testing.Transcript;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** diyc's ipcmk, ipcs and ipcrm: objects live in an IPC namespace, and what diyc makes on the host is undone. */
class IpcIT {
    @Test
    void anIpcNamespaceHidesTheHostsObjectsAndTheHostsAreUndone() {
        Root.require();
        HostState before = HostState.now();
        Diyc.Run r = Diyc.script("""
                host ipcmk -Q
                ctr ipcs -q
                ctr unshare --ipc
                ctr ipcs -q
                ctr ipcmk -M 4096 -p 600
                ctr ipcs -m
                host ipcs -m
                ctr ipcrm -q 424242
                host ipcmk -Q -M 1
                reset
                host cat /proc/sysvipc/msg | wc -l
                """);
        assertFalse(r.output().contains("\tat "), r.output());
        Transcript t = new Transcript(r.output());
        assertTrue(t.output("host ipcmk -Q").matches("msgget\\(IPC_PRIVATE, IPC_CREAT\\|0644\\) = (\\d+)\nMessage queue id: \\d+\n"),
                t.output("host ipcmk -Q"));
        String id = t.output("host ipcmk -Q").lines().skip(1).findFirst().orElseThrow().replace("Message queue id: ", "");
        assertTrue(t.output("ctr ipcs -q").lines().anyMatch(l -> l.matches("0x\\w+ " + id + "\\s+root\\s+644.*")),
                "sharing the IPC namespace, the container sees the host's queue:\n" + t.output("ctr ipcs -q"));
        assertFalse(t.output("ctr ipcs -q", 1).lines().anyMatch(l -> l.startsWith("0x")), "its own namespace has none");
        assertTrue(t.output("ctr ipcs -m").lines().anyMatch(l -> l.matches("0x\\w+ \\d+\\s+root\\s+600\\s+4096\\s*")), t.output("ctr ipcs -m"));
        String shm = t.output("ctr ipcmk -M 4096 -p 600").lines().filter(l -> l.startsWith("Shared memory id: ")).findFirst().orElseThrow()
                .replace("Shared memory id: ", "");
        // Other users' segments may be there: the container's (id, mode 600, 4096 bytes) must not.
        assertFalse(t.output("host ipcs -m").lines().anyMatch(l -> l.matches("0x\\w+ " + shm + "\\s+root\\s+600\\s+4096\\s*")),
                "the host cannot see the container's segment:\n" + t.output("host ipcs -m"));
        assertTrue(t.output("ctr ipcrm -q 424242").contains("msgctl(424242, IPC_RMID, NULL) = -1 EINVAL"), t.output("ctr ipcrm -q 424242"));
        assertTrue(t.output("host ipcmk -Q -M 1").startsWith("diyc: ipcmk: make one thing"), t.output("host ipcmk -Q -M 1"));
        assertTrue(t.output("reset").contains("msgctl(" + id + ", IPC_RMID, NULL) = 0"), "reset removes the host's queue:\n" + t.output("reset"));
        HostState.assertUnchanged(before, r.output());
    }

    @Test
    void aKilledDiycLeavesNoIpcObjectOnTheHost() throws Exception {
        Root.require();
        HostState before = HostState.now();
        Diyc.killAfter("host ipcmk -Q\nhost ipcmk -M 4096\nhost ipcmk -S 2", () ->
                assertEquals(before.ipcObjects().size() + 3, HostState.now().ipcObjects().size(), "made on the host"));
        HostState.assertUnchanged(before, "after kill -9 the lifeline removes them with ipcrm");
        assertTrue(Files.exists(Path.of("/proc/sysvipc/msg")));
    }
}
