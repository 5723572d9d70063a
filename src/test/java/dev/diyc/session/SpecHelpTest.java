package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpecHelpTest {
    @Test
    void theOverviewLineIsTheFirstSentenceUpToAColonOutsideParentheses() {
        assertEquals("Mount a filesystem, util-linux's spellings.", SpecHelp.firstSentence("Mount a filesystem, util-linux's spellings:"));
        assertEquals("Run a command (default: a shell) in DIR.", SpecHelp.firstSentence("Run a command (default: a shell) in DIR. More."));
        assertEquals("Unmount, with umount2(2).", SpecHelp.firstSentence("Unmount, with umount2(2)."));
        assertEquals("No full stop.", SpecHelp.firstSentence("No full stop"));
        assertEquals("Reads /proc/sysvipc.", SpecHelp.firstSentence("Reads /proc/sysvipc. Then more."));
    }
}
