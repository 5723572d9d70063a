package dev.diyc.session;

import dev.diyc.testing.HostState;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that each open their own {@link LiveSession} and check the host is as it was once it is closed. */
abstract class LiveSessionTest {
    @TempDir
    Path state;

    HostState before;
    LiveSession session;
    Engine engine;

    @BeforeEach
    void open() {
        before = HostState.now();
        session = LiveSession.open(state);
        engine = session.engine();
    }

    @AfterEach
    void close() {
        session.close();
        HostState.assertUnchanged(before, "after an in-process session (" + getClass().getSimpleName() + ")");
    }

    /** Runs a line that must end as {@code expected}; returns what it printed. */
    String run(String line, Outcome expected) {
        return session.run(line, expected);
    }
}
