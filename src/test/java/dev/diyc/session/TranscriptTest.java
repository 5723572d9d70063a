package dev.diyc.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.diyc.term.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    @Test
    void typedLinesCallsOutputAndChecksReadAsMarkdownWithoutEscapeCodes() {
        Console console = new Console(new PrintWriter(new StringWriter()), true, () -> 80);
        Transcript t = new Transcript();
        console.tap(t);
        console.typed("ctr> ", "ctr unshare --uts", false);
        console.call("unshare(CLONE_NEWUTS) = 0", false, null, null);
        console.call("sethostname(\"x\", 1) = -1 EPERM (Operation not permitted)", true, "the host's UTS namespace", null);
        console.out("\033[1mbold\033[0m output\n~~~ not a fence\n");
        console.heading("── Lesson 2 · step 1/5 · One name");
        console.ok("the container has a UTS namespace of its own");
        console.fail("the hostname differs");
        console.say("not yet");
        String md = t.markdown();
        assertFalse(md.contains("\033"), md);
        assertEquals("""
                # diyc session

                **`` ctr> ctr unshare --uts ``**

                ~~~text
                unshare(CLONE_NEWUTS) = 0
                sethostname("x", 1) = -1 EPERM (Operation not permitted)
                  → the host's UTS namespace
                bold output
                 ~~~ not a fence
                ~~~

                ## Lesson 2 · step 1/5 · One name

                - ✓ the container has a UTS namespace of its own

                - ✗ the hostname differs

                > not yet
                """, md);
    }
}
