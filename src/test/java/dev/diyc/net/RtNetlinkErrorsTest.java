package dev.diyc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.term.UserError;
import dev.diyc.sys.Call;
import dev.diyc.sys.Errno;
import dev.diyc.sys.Recorder;
import dev.diyc.sys.SyscallException;
import dev.diyc.testing.HostNetwork;
import dev.diyc.testing.HostState;
import dev.diyc.testing.Root;
import dev.diyc.testing.ThreadNetns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mistakes a learner makes, against the real kernel in a namespace of the test's own: each is a
 * SyscallException with the kernel's errno, recorded (so the REPL has printed it) and explained in
 * one line; a malformed address is refused before anything is sent.
 */
class RtNetlinkErrorsTest {
    private HostNetwork hostNetwork;
    private HostState host;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Recorder recorder = new Recorder();
    private ThreadNetns ns;

    @BeforeEach
    void before() {
        Root.require();
        hostNetwork = HostNetwork.now();
        host = HostState.now();
        recorder.listen(calls::add);
        ns = ThreadNetns.create("net-errors", recorder);
    }

    @AfterEach
    void after() {
        ns.close();
        hostNetwork.assertUnchanged();
        HostState.assertUnchanged(host, "after " + getClass().getSimpleName());
    }

    /** Runs a request that must fail; checks the errno, that the failure was recorded, and that it is explained. */
    private SyscallException fails(int errno, String type, Consumer<RtNetlink> request) {
        calls.clear();
        SyscallException e = assertThrows(SyscallException.class, () -> ns.run(request));
        assertEquals(Errno.name(errno), Errno.name(e.errno()), e.getMessage());
        assertEquals(type, e.call().name());
        assertTrue(calls.contains(e.call()), "the failure is recorded for the REPL to print: " + calls);
        String why = NetlinkExplanations.of(e.call());
        assertNotNull(why, "no explanation for " + e.call());
        assertTrue(!why.contains("\n"), why);
        System.out.println(e.call().line() + "\n  \u2192 " + why); // as the REPL prints it, for a reviewer of the wording
        return e;
    }

    @Test
    void aNameThatExistsIsEexist() {
        ns.run(n -> n.addVeth("dup0", "dup1"));
        SyscallException e = fails(Errno.EEXIST, "RTM_NEWLINK", n -> n.addVeth("dup0", "dup2"));
        assertTrue(e.call().line().endsWith("= -1 EEXIST (File exists)"), e.call().line());
        assertTrue(NetlinkExplanations.of(e.call()).contains("already exists"));
        // The peer's name counts too, and so does lo.
        fails(Errno.EEXIST, "RTM_NEWLINK", n -> n.addVeth("fresh0", "lo"));
        fails(Errno.EEXIST, "RTM_NEWLINK", n -> n.addBridge("dup1"));
    }

    @Test
    void aMissingDeviceIsEnodev() {
        SyscallException up = fails(Errno.ENODEV, "RTM_NEWLINK", n -> n.setUp("nosuch0", true));
        assertEquals("RTM_NEWLINK(ifi_index=0, ifi_flags=IFF_UP, ifi_change=IFF_UP, IFLA_IFNAME=\"nosuch0\", NLM_F_REQUEST|NLM_F_ACK) "
                + "= -1 ENODEV (No such device)", up.call().line());
        fails(Errno.ENODEV, "RTM_DELLINK", n -> n.delete("nosuch0"));
        fails(Errno.ENODEV, "RTM_NEWLINK", n -> n.setNetns("nosuch0", 1));
        // Where ip needs the index first, the lookup is what fails.
        fails(Errno.ENODEV, "RTM_GETLINK", n -> n.addAddress("nosuch0", "10.200.9.1/24"));
        fails(Errno.ENODEV, "RTM_GETLINK", n -> n.setMaster("lo", "nosuchbr"));
        fails(Errno.ENODEV, "RTM_GETLINK", n -> n.addRoute("10.200.8.0/24", null, "nosuch0"));
    }

    @Test
    void aPidThatDoesNotExistIsEsrch() throws IOException, InterruptedException {
        int pid = unusedPid();
        ns.run(n -> n.addVeth("esrch0", "esrch1"));
        SyscallException move = fails(Errno.ESRCH, "RTM_NEWLINK", n -> n.setNetns("esrch1", pid));
        assertTrue(move.call().line().contains("IFLA_NET_NS_PID=" + pid), move.call().line());
        assertTrue(NetlinkExplanations.of(move.call()).contains("PID"));
        fails(Errno.ESRCH, "RTM_NEWLINK", n -> n.addVeth("esrch2", "esrch3", Netns.pid(pid)));
        // Nothing was created by the failed request, and the pair that was not moved is still here.
        List<String> names = ns.call(RtNetlink::links).stream().map(Link::name).sorted().toList();
        assertEquals(List.of("esrch0", "esrch1", "lo"), names);
    }

    @Test
    void anInvalidNameIsRefusedByTheKernel() {
        SyscallException slash = fails(Errno.EINVAL, "RTM_NEWLINK", n -> n.addBridge("bad/name"));
        assertTrue(NetlinkExplanations.of(slash.call()).contains("15 characters"), NetlinkExplanations.of(slash.call()));
        fails(Errno.EINVAL, "RTM_NEWLINK", n -> n.addVeth("a:b", "c"));
        fails(Errno.EINVAL, "RTM_NEWLINK", n -> n.addVeth("with space", "c"));
        SyscallException tooLong = assertThrows(SyscallException.class, () -> ns.run(n -> n.addBridge("abcdefghijklmnop")));
        assertTrue(tooLong.errno() == Errno.EINVAL || tooLong.errno() == 34 /* ERANGE */, tooLong.getMessage());
        assertNotNull(NetlinkExplanations.of(tooLong.call()));
        assertThrows(UserError.class, () -> ns.run(n -> n.addBridge("")));
    }

    @Test
    void anAddressWithoutAPrefixIsAParseErrorBeforeSending() {
        ns.run(n -> n.addVeth("pfx0", "pfx1"));
        calls.clear();
        UserError e = assertThrows(UserError.class, () -> ns.run(n -> n.addAddress("pfx0", "10.200.7.1")));
        assertTrue(e.getMessage().contains("10.200.7.1/24"), e.getMessage());
        assertEquals(List.of(), calls, "nothing was sent");
        assertTrue(ns.call(RtNetlink::addresses).stream().noneMatch(a -> a.cidr().startsWith("10.200.7.")));
    }

    @Test
    void theKernelsOwnWordsComeWithTheExplanation() {
        ns.run(n -> {
            n.addVeth("ack0", "ack1");
            n.addAddress("ack0", "10.200.6.1/24");
        });
        SyscallException again = fails(Errno.EEXIST, "RTM_NEWADDR", n -> n.addAddress("ack0", "10.200.6.1/24"));
        String why = NetlinkExplanations.of(again.call());
        assertTrue(why.startsWith("that address is already on that link"), why);
        // Recent kernels add an extended ACK ("ipv4: Address already assigned"); 6.1 sends none. Either
        // way the explanation is there, and the kernel's words appear when, and only when, it sent some.
        String kernel = NetlinkExplanations.kernelMessage(again.call());
        if (kernel == null) {
            assertFalse(why.contains("the kernel says"), why);
        } else {
            assertTrue(kernel.contains("Address already assigned"), kernel);
            assertTrue(why.endsWith("(the kernel says: \"" + kernel.strip() + "\")"), why);
        }
        // A gateway on no network this namespace reaches.
        SyscallException unreachable = fails(101 /* ENETUNREACH */, "RTM_NEWROUTE", n -> n.addDefaultRoute("10.200.5.1"));
        assertTrue(NetlinkExplanations.of(unreachable.call()).contains("gateway"), NetlinkExplanations.of(unreachable.call()));
        // A route through a link that is down.
        fails(100 /* ENETDOWN */, "RTM_NEWROUTE", n -> n.addRoute("10.200.4.0/24", null, "ack0"));
    }

    /** Both branches on any kernel: a made-up failure, first without the kernel's words, then with them. */
    @Test
    void theKernelsWordsAreShownOnlyWhenItSentSome() {
        Call silent = new Call("RTM_NEWADDR", List.of("ack-test"), -1, Errno.EEXIST, null);
        assertEquals("that address is already on that link (ip addr shows it)", NetlinkExplanations.of(silent));
        Call said = new Call("RTM_NEWADDR", List.of("ack-test", "with-extack"), -1, Errno.EEXIST, null);
        NetlinkExplanations.kernelSaid(said, "ipv4: Address already assigned");
        assertEquals("that address is already on that link (ip addr shows it) (the kernel says: \"ipv4: Address already assigned\")",
                NetlinkExplanations.of(said));
    }

    @Test
    void aWorkingSessionRecordsEveryChangeAndCanUndoIt() {
        ns.run(n -> {
            n.addVeth("undo0", "undo1");
            n.addBridge("undobr");
            n.setMaster("undo0", "undobr");
            n.setUp("undo0", true);
            n.setUp("undobr", true);
            n.addAddress("undobr", "10.200.3.1/24");
            n.addRoute("10.200.2.0/24", "10.200.3.2", null);
        });
        assertTrue(ns.call(RtNetlink::routes).stream().anyMatch(r -> r.destination().equals("10.200.2.0/24")));
        ns.run(n -> {
            n.deleteRoute("10.200.2.0/24", "10.200.3.2", null);
            n.deleteAddress("undobr", "10.200.3.1/24");
            n.setNoMaster("undo0");
            n.delete("undobr");
            n.delete("undo0");
        });
        assertEquals(List.of("lo"), ns.call(RtNetlink::links).stream().map(Link::name).toList());
        assertTrue(ns.call(RtNetlink::routes).isEmpty());
        fails(Errno.ESRCH, "RTM_DELROUTE", n -> n.deleteRoute("10.200.2.0/24", "10.200.3.2", null));
    }

    /** The PID of a process that has exited and been reaped: the kernel hands PIDs out in order, so none has it now. */
    private static int unusedPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        assertEquals(0, p.waitFor());
        int pid = (int) p.pid();
        assertTrue(!Files.exists(Path.of("/proc/" + pid)), "PID " + pid + " was reused already");
        return pid;
    }
}
