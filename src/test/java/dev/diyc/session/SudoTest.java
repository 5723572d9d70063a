package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The posts' sudo: recognised at the start of a line, with the options a root shell can ignore. */
class SudoTest {
    @Test
    void theCommandAfterSudoIsWhatRuns() {
        assertEquals("unshare --uts /bin/bash", Sudo.strip("sudo unshare --uts /bin/bash"));
        assertEquals("touch secret/hello", Sudo.strip("  sudo -E touch secret/hello"));
        assertEquals("ip link add diyc-h7 type veth", Sudo.strip("sudo  -H ip link add diyc-h7 type veth"));
    }

    @Test
    void otherLinesAreNotSudo() {
        assertNull(Sudo.strip("sudo"), "nothing to run");
        assertNull(Sudo.strip("sudoedit x"));
        assertNull(Sudo.strip("echo sudo ls"));
        assertNull(Sudo.strip("sudo -u nobody id"), "another user: that is not the posts' sudo, the shell says what it says");
    }
}
