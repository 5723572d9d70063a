package dev.diyc.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutopilotTest {
    private final Autopilot a = new Autopilot();

    /** What the presenter's keys make of an empty line, one key at a time, until they add nothing. */
    private String typeOut() {
        String buffer = "";
        for (String c = a.keyPressed(buffer); !c.isEmpty(); c = a.keyPressed(buffer)) {
            buffer += c;
        }
        return buffer;
    }

    @Test
    void eachKeyTypesTheNextCharacterAndARunLineBringsTheNext() {
        a.follow("lesson 2 · step 1/5", List.of("ctr unshare --uts", "check", "next"));
        assertEquals("c", a.keyPressed(""));
        assertEquals("u", a.keyPressed("ctr "));
        assertEquals("ctr unshare --uts", typeOut());
        a.ran("ctr unshare --uts");
        assertEquals("check", typeOut());
    }

    @Test
    void aLineTypedByHandLeavesTheAutopilotWhereItWas() {
        a.follow("lesson 2 · step 1/5", List.of("ctr hostname", "check"));
        assertEquals("", a.keyPressed("echo"), "keys add nothing to a line typed by hand");
        a.ran("echo free");
        assertEquals("ctr hostname", a.nextLine());
        a.ran("  ctr hostname ");
        a.ran("check");
        assertNull(a.nextLine());
        assertEquals("", a.keyPressed(""));
    }

    @Test
    void aNewStepBringsItsLinesTheSameStepKeepsItsPlace() {
        a.follow("lesson 2 · step 1/5", List.of("ctr hostname", "check"));
        a.ran("ctr hostname");
        a.follow("lesson 2 · step 1/5", List.of("ctr hostname", "check"));
        assertEquals("check", a.nextLine());
        a.follow("lesson 2 · step 2/5", List.of("ctr unshare --uts"));
        assertEquals("ctr unshare --uts", a.nextLine());
        assertEquals(0, a.done());
    }
}
