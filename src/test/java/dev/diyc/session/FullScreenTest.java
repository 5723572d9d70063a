package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.diyc.term.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ctr top} points to {@code shell} instead of failing with "top: failed tty get". */
class FullScreenTest {
    @Test
    void topInTheContainerPointsToShell() {
        UserError e = assertThrows(UserError.class, () -> FullScreen.refuse(List.of("top"), "ctr"));
        assertEquals("top draws on a terminal, and diyc runs ctr's lines without one: shell opens a shell in the container on this"
                + " terminal (exit comes back); top -b -n 1 prints the list once, here", e.getMessage());
        assertThrows(UserError.class, () -> FullScreen.refuse(List.of("vi", "/etc/hostname"), "ctr2"));
    }

    @Test
    void batchTopAndOtherProgramsRun() {
        assertDoesNotThrow(() -> FullScreen.refuse(List.of("top", "-b", "-n", "1"), "ctr"));
        assertDoesNotThrow(() -> FullScreen.refuse(List.of("ps", "aux"), "ctr"));
        assertDoesNotThrow(() -> FullScreen.refuse(List.of(), "ctr"));
    }
}
