package dev.diyc.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.explain.CallExplanations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refused write to an ID map is explained from the map's own state, as the learner would find it. */
class IdMapExplanationsTest {
    @TempDir
    Path proc;

    private static Call write(Path file, String content, int errno) {
        return new Call("write", List.of(Arg.str(file.toString()), Arg.str(content)), -1, errno, null);
    }

    @Test
    void printsTheWriteWithThePathWhereStracePutsTheFd() {
        Call ok = new Call("write", List.of(Arg.str("/proc/4242/uid_map"), Arg.str("0 1000 1\n")), 9, 0, null);
        assertEquals("write(\"/proc/4242/uid_map\", \"0 1000 1\\n\") = 9", ok.line());
    }

    @Test
    void aSecondWriteIsRefusedBecauseAMapIsWrittenOnce() throws IOException {
        Files.writeString(proc.resolve("uid_map"), "         0       1000          1\n");
        String why = CallExplanations.of(write(proc.resolve("uid_map"), "0 1000 1\n", Errno.EPERM));
        assertTrue(why.startsWith("a map can be written only once, and this one already holds \"0 1000 1\""), why);
    }

    @Test
    void gidMapBeforeDenyToSetgroups() throws IOException {
        Files.writeString(proc.resolve("gid_map"), "");
        Files.writeString(proc.resolve("setgroups"), "allow\n");
        String why = CallExplanations.of(write(proc.resolve("gid_map"), "0 1000 1\n", Errno.EPERM));
        assertTrue(why.startsWith("an ordinary user may write gid_map only after writing deny to setgroups"), why);
    }

    @Test
    void anEmptyMapRefusedMeansTheIdsAreNotTheWritersOwn() throws IOException {
        Files.writeString(proc.resolve("uid_map"), "");
        String why = CallExplanations.of(write(proc.resolve("uid_map"), "0 0 1\n", Errno.EPERM));
        assertTrue(why.contains("may map only their own ID"), why);
        assertTrue(CallExplanations.of(write(proc.resolve("uid_map"), "0 1000\n", Errno.EINVAL)).contains("three numbers"));
    }

    @Test
    void otherFilesAreNotItsBusiness() {
        assertNull(CallExplanations.of(write(proc.resolve("memory.max"), "10M\n", Errno.EPERM)));
    }
}
