package dev.diyc.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A shell's error reads as it would for the line typed: no trace of the eval diyc wraps each line in. */
class ShellErrorsTest {
    @Test
    void dashsEvalPlumbingIsGone() {
        assertEquals("sh: 1: Syntax error: Unterminated quoted string\n",
                CommandScript.asTyped("/bin/sh: 1: eval: Syntax error: Unterminated quoted string\n"));
        assertEquals("sh: 1: sudo: not found\n", CommandScript.asTyped("/bin/sh: 1: eval: sudo: not found\n"));
    }

    @Test
    void busyboxAshsToo() {
        assertEquals("sh: sudo: not found\n", CommandScript.asTyped("sh: eval: line 1: sudo: not found\n"));
    }

    @Test
    void aProgramsOwnErrorIsLeftAlone() {
        assertEquals("ls: cannot access 'x': No such file or directory\n",
                CommandScript.asTyped("ls: cannot access 'x': No such file or directory\n"));
        assertEquals("grep: eval: No such file or directory\n", CommandScript.asTyped("grep: eval: No such file or directory\n"));
    }
}
