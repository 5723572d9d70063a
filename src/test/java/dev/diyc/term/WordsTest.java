package dev.diyc.term;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordsTest {
    private static final Map<String, String> VARS = Map.of("CTR", "4242");

    @Test
    void splitsLikeShForSimpleCommands() {
        assertEquals(List.of("mount", "--bind", "rootfs/", "rootfs/"), Words.split("mount --bind rootfs/ rootfs/", VARS));
        assertEquals(List.of("hostname", "my box"), Words.split("hostname 'my box'", VARS));
        assertEquals(List.of("hostname", "a\"b"), Words.split("hostname \"a\\\"b\"", VARS));
        assertEquals(List.of("x", "a b"), Words.split("x a\\ b", VARS));
    }

    @Test
    void expandsVariablesOutsideSingleQuotesOnly() {
        assertEquals(List.of("kill", "4242"), Words.split("kill $CTR", VARS));
        assertEquals(List.of("x", "/proc/4242/uid_map"), Words.split("x /proc/${CTR}/uid_map", VARS));
        assertEquals(List.of("x", "pid 4242"), Words.split("x \"pid $CTR\"", VARS));
        assertEquals(List.of("x", "$CTR"), Words.split("x '$CTR'", VARS));
        assertEquals(List.of("x", ""), Words.split("x $UNSET", VARS));
        assertEquals(List.of("echo", "$$"), Words.split("echo $$", VARS));
    }

    @Test
    void namesTheVariablesOnlyAShellKnowsOutsideSingleQuotes() {
        assertEquals(Set.of(), Words.foreignVariables("mkdir /proc/$CTR/x '$PPID'", VARS));
        assertEquals(Set.of("PPID"), Words.foreignVariables("mkdir /tmp/x-$PPID-y", VARS));
        assertEquals(Set.of("HOME", "$", "1"), Words.foreignVariables("mkdir \"${HOME}/a\" b-$$ $1 $CTR", VARS));
    }

    @Test
    void leavesPipesRedirectionsAndListsToTheShell() {
        for (String line : List.of("cat /proc/mounts | wc -l", "echo 0 1000 1 > /proc/1/uid_map", "sleep 999 &",
                "a && b", "a; b", "echo $(id)", "echo `id`", "echo 'unterminated")) {
            assertNull(Words.split(line, VARS), line);
        }
    }
}
