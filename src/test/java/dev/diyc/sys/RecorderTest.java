package dev.diyc.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A call goes to the recorder of the thread that made it; quietly keeps a scope's calls off the screen. */
class RecorderTest {
    private static Call call(String name) {
        return new Call(name, List.of(), 0, 0, null);
    }

    private static List<String> collect(Recorder r) {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        r.listen(c -> seen.add(c.name()));
        return seen;
    }

    @Test
    void anUnboundThreadRecordsNowhere() {
        Recorder r = new Recorder();
        List<String> seen = collect(r);
        Recorder.record(call("mount"));
        assertEquals(List.of(), seen);
    }

    @Test
    void twoSessionsOnTwoThreadsNeverSeeEachOthersCalls() {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        List<String> seenA = collect(a);
        List<String> seenB = collect(b);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> b.on(() -> Recorder.record(call("umount2"))));
        a.on(() -> Recorder.record(call("mount")));
        other.join();
        assertEquals(List.of("mount"), seenA);
        assertEquals(List.of("umount2"), seenB);
    }

    @Test
    void aBindingPutsBackTheOneBefore() {
        Recorder outer = new Recorder();
        Recorder inner = new Recorder();
        try (Recorder.Binding b = outer.bind()) {
            inner.on(() -> assertSame(inner, Recorder.current()));
            assertSame(outer, Recorder.current());
        }
        assertFalse(Recorder.current() == outer);
    }

    @Test
    void quietlyMutesItsScopeOnly() {
        Recorder r = new Recorder();
        List<String> seen = collect(r);
        r.on(() -> {
            Recorder.record(call("before"));
            r.quietly(() -> {
                assertTrue(r.quietHere());
                r.quietly(() -> Recorder.record(call("nested")));
                Recorder.record(call("hidden"));
            });
            assertFalse(r.quietHere());
            Recorder.record(call("after"));
        });
        assertEquals(List.of("before", "after"), seen);
    }

    @Test
    void quietOnOneThreadLeavesTheOthersHeard() throws Exception {
        Recorder r = new Recorder();
        List<String> seen = collect(r);
        r.quietly(() -> {
            CompletableFuture.runAsync(() -> r.on(() -> Recorder.record(call("elsewhere")))).join();
            Recorder.record(call("here"));
        });
        assertEquals(List.of("elsewhere"), seen);
    }
}
