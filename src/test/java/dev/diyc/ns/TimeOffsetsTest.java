package dev.diyc.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.sys.Flags;
import dev.diyc.term.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOffsetsTest {
    @Test
    void util_linuxsSecondsBecomeOneWritePerClockInTheFilesOwnForm() {
        TimeOffsets o = TimeOffsets.of("3600", "86400");
        assertEquals(new TimeOffsets(3600, 86400), o);
        assertEquals(List.of("monotonic 3600 0", "boottime 86400 0"), o.writes());
    }

    @Test
    void aClockNotAskedForIsNotWrittenAndNegativeOffsetsAreAllowed() {
        assertEquals(List.of("boottime -60 0"), TimeOffsets.of(null, "-60").writes());
        assertEquals(List.of("monotonic 5 0"), TimeOffsets.of(" 5 ", null).writes());
        assertTrue(TimeOffsets.of(null, null).isNone());
        assertEquals(List.of(), TimeOffsets.NONE.writes());
    }

    @Test
    void secondsMustBeAWholeNumber() {
        UserError e = assertThrows(UserError.class, () -> TimeOffsets.of("1h", null));
        assertTrue(e.getMessage().contains("--monotonic takes whole seconds") && e.getMessage().contains("'1h'"), e.getMessage());
        assertThrows(UserError.class, () -> TimeOffsets.of(null, "1.5"));
    }

    @Test
    void theHelperIsGivenTheOffsetsInUtilLinuxsSpelling() {
        var r = new UnshareRequest(Flags.CLONE_NEWTIME, 0, false, null, null, null, List.of("sh"), TimeOffsets.of("3600", "86400"));
        assertEquals(List.of("unshare", "--user", "--time", "--monotonic", "3600", "--boottime", "86400", "--fork", "--kill-child", "--", "sh"),
                UserNamespaceShell.helperArgv(r, false, "sh"));
    }
}
