package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each expectation's judging and the sentence a learner reads when it fails, without a lab. */
class ExpectationTest {
    @Test
    void equalsWantsTheValueAndShowsIt() {
        var e = new Expectation.Equals("diyc-child");
        assertTrue(e.holds(Observed.of("diyc-child")));
        assertFalse(e.holds(Observed.of("ubuntu")));
        assertFalse(e.holds(Observed.of("diyc-child2")));
        assertEquals("diyc-child", e.sentence(Observed.of("ubuntu")));
        assertEquals("nothing", new Expectation.Equals("").sentence(Observed.of("x")));
    }

    @Test
    void containsAndNotContainsLookForASubstring() {
        var has = new Expectation.Contains("uts");
        var lacks = new Expectation.NotContains("rootfs");
        assertTrue(has.holds(Observed.of("ipc\nmnt uts net")));
        assertFalse(has.holds(Observed.of("ipc\nmnt")));
        assertTrue(lacks.holds(Observed.of("bin\nfrom-host")));
        assertFalse(lacks.holds(Observed.of("bin\nrootfs-old")));
        assertEquals("“uts” somewhere in it", has.sentence(Observed.of("")));
        assertEquals("no “rootfs” anywhere in it", lacks.sentence(Observed.of("")));
    }

    @Test
    void matchesFindsThePatternOnAnyLineAndSaysWhatItMeans() {
        var e = new Expectation.Matches(Pattern.compile("^diyc-br8 ", Pattern.MULTILINE), "a link named diyc-br8");
        assertTrue(e.holds(Observed.of("lo UP\ndiyc-br8 UP")));
        assertFalse(e.holds(Observed.of("lo UP\nveth8 UP")));
        assertEquals("a link named diyc-br8", e.sentence(Observed.of("lo UP")));
    }

    @Test
    void lineCountIgnoresBlankLinesAndSaysHowManyThereAre() {
        var one = new Expectation.LineCount(1);
        assertTrue(one.holds(Observed.of("jail/lib/libc.so.6\n\n")));
        assertFalse(one.holds(Observed.of("a\nb")));
        assertFalse(one.holds(Observed.of("")));
        assertEquals("exactly one line (there are 2)", one.sentence(Observed.of("a\nb")));
        assertEquals("exactly one line (there are 0)", one.sentence(Observed.of("")));
        assertEquals("exactly 3 lines (there is 1)", new Expectation.LineCount(3).sentence(Observed.of("a")));
        var none = new Expectation.LineCount(0);
        assertTrue(none.holds(Observed.of("")));
        assertFalse(none.holds(Observed.of("/sys/fs/cgroup/pids/diyc-1-box")));
        assertEquals("nothing", none.sentence(Observed.of("/sys/fs/cgroup/pids/diyc-1-box")));
    }

    @Test
    void differsFromHostComparesWithTheHostsValueAndShowsIt() {
        var e = new Expectation.DiffersFromHost();
        assertTrue(e.comparesWithHost());
        assertTrue(e.holds(new Observed("uts:[2]", "uts:[1]", null)));
        assertFalse(e.holds(new Observed("uts:[1]", "uts:[1]", null)));
        assertEquals("something other than the host's:\nuts:[1]", e.sentence(new Observed("uts:[1]", "uts:[1]", null)));
        assertEquals("something other than the host's:\nbin\netc", e.sentence(new Observed("bin\netc", "bin\netc", null)));
    }

    @Test
    void sameAsHostComparesWithTheHostsValueAndShowsIt() {
        var e = new Expectation.SameAsHost();
        assertTrue(e.comparesWithHost());
        assertTrue(e.holds(new Observed("ubuntu", "ubuntu", null)));
        assertFalse(e.holds(new Observed("box", "ubuntu", null)));
        assertEquals("the same as the host's:\nubuntu", e.sentence(new Observed("box", "ubuntu", null)));
        assertEquals("the same as the host's:\n/\n/proc", e.sentence(new Observed("/", "/\n/proc", null)));
        assertEquals("the same as the host's:\nnothing", e.sentence(new Observed("x", "", null)));
    }

    @Test
    void unchangedComparesWithTheValueAtTheLessonsStartAndShowsIt() {
        var e = new Expectation.Unchanged();
        assertFalse(e.comparesWithHost());
        assertTrue(e.holds(new Observed("1", null, "1")));
        assertFalse(e.holds(new Observed("2", null, "1")));
        assertTrue(e.holds(new Observed("2", null, null)), "no reading at the start: nothing to compare");
        assertEquals("what it was when the lesson began:\n1", e.sentence(new Observed("2", null, "1")));
        assertEquals("what it was when the lesson began:\n/\n/proc", e.sentence(new Observed("/", null, "/\n/proc")));
    }

    @Test
    void onlyTheHostComparisonsNeedTheHostsValue() {
        assertFalse(new Expectation.Equals("x").comparesWithHost());
        assertFalse(new Expectation.Contains("x").comparesWithHost());
        assertFalse(new Expectation.NotContains("x").comparesWithHost());
        assertFalse(new Expectation.Matches(Pattern.compile("x"), "an x").comparesWithHost());
        assertFalse(new Expectation.LineCount(1).comparesWithHost());
    }
}
