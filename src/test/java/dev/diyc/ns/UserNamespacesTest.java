package dev.diyc.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.sys.Flags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings that forbid user namespaces to ordinary users, read from a /proc/sys made up for the
 * test (this machine has neither Debian's switch nor Ubuntu's AppArmor one), and the helper's command line.
 */
class UserNamespacesTest {
    @TempDir
    Path sys;

    @AfterEach
    void realProcSys() {
        System.clearProperty("diyc.proc.sys");
    }

    private Optional<String> blockerWith(String name, String value) throws IOException {
        Files.createDirectories(sys.resolve(name).getParent());
        Files.writeString(sys.resolve(name), value + "\n");
        System.setProperty("diyc.proc.sys", sys.toString());
        return UserNamespaces.blocker();
    }

    @Test
    void nothingBlocksWhenTheSwitchesAreOpenOrMissing() throws IOException {
        assertEquals(Optional.empty(), blockerWith("kernel/unprivileged_userns_clone", "1"));
        assertEquals(Optional.empty(), blockerWith("kernel/apparmor_restrict_unprivileged_userns", "0"));
        assertEquals(Optional.empty(), blockerWith("user/max_user_namespaces", "15000"));
    }

    @Test
    void debiansSwitchIsNamedWithItsFix() throws IOException {
        String why = blockerWith("kernel/unprivileged_userns_clone", "0").orElseThrow();
        assertTrue(why.contains("kernel.unprivileged_userns_clone is 0"), why);
        assertTrue(why.contains("sudo sysctl -w kernel.unprivileged_userns_clone=1"), why);
    }

    @Test
    void ubuntusAppArmorRestrictionIsNamedWithItsFix() throws IOException {
        String why = blockerWith("kernel/apparmor_restrict_unprivileged_userns", "1").orElseThrow();
        assertTrue(why.contains("kernel.apparmor_restrict_unprivileged_userns is 1"), why);
        assertTrue(why.contains("sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"), why);
    }

    @Test
    void noUserNamespacesAtAll() throws IOException {
        assertTrue(blockerWith("user/max_user_namespaces", "0").orElseThrow().contains("user.max_user_namespaces is 0"));
    }

    @Test
    void theHelperIsAskedForWhatTheLearnerAskedFor() {
        var r = new UnshareRequest(Flags.CLONE_NEWUTS | Flags.CLONE_NEWPID | Flags.CLONE_NEWNS,
                Flags.MS_PRIVATE, true, "/proc", "rootfs", null, List.of("sh"), TimeOffsets.NONE);
        assertEquals(List.of("unshare", "--user", "--map-root-user", "--uts", "--mount", "--pid", "--fork", "--kill-child",
                "--mount-proc=/proc", "--root=rootfs", "--", "sh"), UserNamespaceShell.helperArgv(r, true, "sh"));
    }

    @Test
    void theLearnerIsNamedOrFound() {
        assertEquals("root", Learner.find(Map.of("DIYC_LEARNER", "root"), 0).orElseThrow().name());
        assertEquals(Optional.empty(), Learner.find(Map.of("DIYC_LEARNER", "no-such-user-here"), 0));
        assertEquals("nobody", Learner.find(Map.of("SUDO_USER", "root"), 65534).orElseThrow().name(),
                "without root, the learner is diyc's own user");
    }
}
