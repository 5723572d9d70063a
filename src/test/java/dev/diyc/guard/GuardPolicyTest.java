package dev.diyc.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.sys.Capabilities;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuardPolicyTest {
    private static String text(Set<HostNamespace> shared, AuditArch arch) {
        return String.join("\n", GuardPolicy.forShared(shared, arch).describe());
    }

    @Test
    void sharingEverythingRefusesEveryGuardedCallAndKeepsTheNetworkAdminCapability() {
        Guard g = GuardPolicy.forShared(EnumSet.allOf(HostNamespace.class), AuditArch.X86_64);
        String t = String.join("\n", g.describe());
        for (String call : List.of("sethostname", "setdomainname", "mount", "umount2", "pivot_root", "move_mount", "fsopen",
                "fsconfig", "fsmount", "fspick", "mount_setattr", "pidfd_send_signal")) {
            assertTrue(t.contains("if (A == " + call + ") goto"), call + " in\n" + t);
        }
        for (String call : List.of("kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo", "pidfd_open", "open_tree", "setns")) {
            assertTrue(t.contains("if (A != " + call + ") goto"), call + " in\n" + t);
        }
        assertEquals(Capabilities.bit(Capabilities.CAP_NET_ADMIN), g.droppedCapabilities());
        assertTrue(t.endsWith("capabilities taken away: 1<<CAP_NET_ADMIN"), t);
    }

    @Test
    void checksTheArchitectureFirstAndRefusesX32() {
        List<String> lines = GuardPolicy.forShared(Set.of(HostNamespace.UTS), AuditArch.X86_64).describe();
        assertTrue(lines.get(0).endsWith("A = arch"));
        assertTrue(lines.get(1).matches(".*if \\(A != AUDIT_ARCH_X86_64\\) goto \\d{4}"), lines.get(1));
        assertTrue(lines.get(3).endsWith("if (A < 0x40000000) goto 0005"), lines.get(3));
        assertTrue(lines.get(4).contains("if (A != 0xffffffff) goto"), lines.get(4));
        assertTrue(lines.get(lines.size() - 1).endsWith("return KILL_PROCESS"));
        String arm = text(Set.of(HostNamespace.UTS), AuditArch.AARCH64);
        assertTrue(arm.contains("if (A != AUDIT_ARCH_AARCH64)") && arm.contains("0x000000a1  if (A == sethostname)"), arm);
        assertFalse(arm.contains("0x40000000"), arm);
    }

    @Test
    void eachNamespaceUnsharedTakesItsRulesAway() {
        String none = text(Set.of(), AuditArch.X86_64);
        for (String call : List.of("sethostname", "mount", "kill", "pidfd_send_signal")) {
            assertFalse(none.contains(call), call + " in\n" + none);
        }
        assertTrue(none.contains("if (A != setns)"), none);
        assertEquals(0, GuardPolicy.forShared(Set.of(), AuditArch.X86_64).droppedCapabilities());
        String uts = text(Set.of(HostNamespace.UTS), AuditArch.X86_64);
        assertTrue(uts.contains("sethostname") && !uts.contains("mount") && !uts.contains("kill"), uts);
    }

    @Test
    void signalsAreRefusedForPidOneAndNegativeTargetsOnly() {
        List<String> lines = GuardPolicy.forShared(Set.of(HostNamespace.PID), AuditArch.X86_64).describe();
        int kill = indexOf(lines, "if (A != kill)");
        assertTrue(lines.get(kill + 1).endsWith("A = args[0]"));
        assertTrue(lines.get(kill + 2).contains("if (A == 1) goto"));
        assertTrue(lines.get(kill + 3).contains("if (A & 0x80000000) goto"));
        assertTrue(lines.get(kill + 4).endsWith("return ALLOW"));
    }

    @Test
    void setnsIsRefusedIntoEveryTypeNoLongerSharedAndForTypeZero() {
        Set<HostNamespace> sharedButUts = EnumSet.complementOf(EnumSet.of(HostNamespace.UTS));
        List<String> lines = GuardPolicy.forShared(sharedButUts, AuditArch.X86_64).describe();
        int setns = indexOf(lines, "if (A != setns)");
        assertTrue(lines.get(setns + 1).endsWith("A = args[1]"));
        assertTrue(lines.get(setns + 2).contains("if (A == 0) goto"));
        assertTrue(lines.get(setns + 3).contains("if (A & 0x4000000) goto"), lines.get(setns + 3));
    }

    @Test
    void aContextsGuardRefusesSignalsToDiycAndItsLifelineOnlyWhileThePidNamespaceIsShared() {
        String shared = String.join("\n", GuardPolicy.forContext(Set.of(HostNamespace.PID), Set.of(4242, 4343)).describe());
        for (String call : List.of("kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo", "pidfd_open")) {
            int at = shared.indexOf("if (A != " + call + ")");
            String rule = shared.substring(at, shared.indexOf("return ALLOW", at));
            assertTrue(rule.contains("if (A == 1) goto") && rule.contains("if (A == 4242) goto") && rule.contains("if (A == 4343) goto"), rule);
        }
        String own = String.join("\n", GuardPolicy.forContext(Set.of(), Set.of(4242)).describe());
        assertFalse(own.contains("4242") || own.contains("kill"), "its own PID namespace numbers its own processes: " + own);
    }

    @Test
    void nsenterIntoAUserNamespaceOfItsOwnMaySetnsAndIsGuardedOtherwise() {
        String t = String.join("\n", GuardPolicy.forNsenter(Set.of(HostNamespace.UTS), Set.of(4242)).describe());
        assertTrue(t.contains("if (A == sethostname) goto"), t);
        assertFalse(t.contains("setns"), "nsenter enters the container's namespaces itself; the kernel refuses the host's: " + t);
        assertThrows(IllegalArgumentException.class, () -> GuardPolicy.forNsenter(Set.of(HostNamespace.USER), Set.of()));
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError(part + " not in " + lines);
    }
}
