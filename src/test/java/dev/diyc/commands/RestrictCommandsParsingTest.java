package dev.diyc.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.term.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** capsh and seccomp read their words as lesson 13 and 14 type them; nothing here makes a syscall. */
class RestrictCommandsParsingTest {
    private static CapshCommand capsh(String... words) {
        CapshCommand c = new CapshCommand();
        new CommandLine(c).parseArgs(c.normalize(List.of(words)).toArray(String[]::new));
        return c;
    }

    private static SeccompCommand seccomp(String... words) {
        SeccompCommand c = new SeccompCommand();
        new CommandLine(c).parseArgs(words);
        return c;
    }

    @Test
    void capshDropTakesCapshsSpellingWithItsDashDash() {
        CapshCommand c = capsh("--drop=cap_sys_admin,cap_net_admin", "--");
        assertEquals(List.of("cap_sys_admin", "cap_net_admin"), c.drop);
        assertTrue(c.args.isEmpty());
        assertEquals(0x201000L, CapshCommand.capabilities(c.drop));
    }

    @Test
    void capshKnowsDockersAndTheKernelsSpellingsToo() {
        assertEquals(0x201000L, CapshCommand.capabilities(List.of("SYS_ADMIN", "CAP_NET_ADMIN")));
        UserError e = assertThrows(UserError.class, () -> CapshCommand.capabilities(List.of("cap_sys_adman")));
        assertTrue(e.getMessage().contains("cap_sys_adman"), e.getMessage());
    }

    @Test
    void capshDecodeReadsProcStatusHex() {
        CapshCommand c = capsh("--decode=0000000000201000");
        assertEquals("0000000000201000", c.decode);
        assertFalse(c.print);
        assertEquals(0x201000L, CapshCommand.parseHex(c.decode));
        assertEquals(0x1fffeffffffL, CapshCommand.parseHex("0x000001fffeffffff"));
        assertThrows(UserError.class, () -> CapshCommand.parseHex("cap_sys_admin"));
    }

    @Test
    void seccompDenyTakesACommaListAndAnErrno() {
        SeccompCommand c = seccomp("--deny", "mkdir,mkdirat", "--errno", "ENOSYS", "--dump");
        assertEquals(List.of("mkdir", "mkdirat"), c.deny);
        assertEquals("ENOSYS", c.errno);
        assertTrue(c.dump);
        assertFalse(c.guard);
    }

    @Test
    void seccompDefaultsToEpermAsDocker() {
        SeccompCommand c = seccomp("--deny=unshare");
        assertEquals(List.of("unshare"), c.deny);
        assertEquals("EPERM", c.errno);
        assertFalse(c.dump);
        assertTrue(seccomp("--guard", "--dump").guard);
    }

    @Test
    void seccompTakesNoProgram() {
        assertThrows(CommandLine.UnmatchedArgumentException.class, () -> seccomp("--deny", "mkdir", "sh"));
    }
}
