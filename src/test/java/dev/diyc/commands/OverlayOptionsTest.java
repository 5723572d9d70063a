package dev.diyc.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.term.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayOptionsTest {
    @Test
    void theLessonsSpellingGivesOneLowerAnUpperAndAWorkdir() {
        OverlayOptions o = OverlayOptions.parse("lowerdir=rootfs,upperdir=upper,workdir=work");
        assertEquals(new OverlayOptions(List.of("rootfs"), "upper", "work"), o);
        assertEquals("merged shows upper (read-write: new and changed files go there) over rootfs (read-only); "
                + "work is overlayfs's scratch space for copies and renames", o.describe("merged"));
    }

    @Test
    void lowerLayersAreListedTopFirstAndAnEscapedColonStaysInTheName() {
        OverlayOptions o = OverlayOptions.parse("lowerdir=layer2:layer1:with\\:colon:rootfs,upperdir=u,workdir=w,index=off");
        assertEquals(List.of("layer2", "layer1", "with:colon", "rootfs"), o.lowers());
        assertTrue(o.describe("m").contains("u (read-write: new and changed files go there) over layer2 (read-only) over layer1 "
                + "(read-only) over with:colon (read-only) over rootfs (read-only)"), o.describe("m"));
    }

    @Test
    void lowerLayersAloneMakeAReadOnlyMount() {
        OverlayOptions o = OverlayOptions.parse("lowerdir=a:b");
        assertNull(o.upper());
        assertEquals("m shows a (read-only) over b (read-only); with no upperdir the whole mount is read-only", o.describe("m"));
    }

    @Test
    void whatTheKernelWouldAnswerWithABareEinvalIsNamed() {
        assertTrue(assertThrows(UserError.class, () -> OverlayOptions.parse("upperdir=u,workdir=w")).getMessage()
                .contains("at least one read-only layer"));
        assertTrue(assertThrows(UserError.class, () -> OverlayOptions.parse(null)).getMessage().contains("lowerdir=rootfs"));
        assertTrue(assertThrows(UserError.class, () -> OverlayOptions.parse("lowerdir=rootfs,upperdir=upper")).getMessage()
                .contains("upperdir and workdir go together"));
        assertTrue(assertThrows(UserError.class, () -> OverlayOptions.parse("lowerdir=rootfs,workdir=work")).getMessage()
                .contains("upperdir and workdir go together"));
        assertTrue(assertThrows(UserError.class, () -> OverlayOptions.parse("lowerdir=a::b,upperdir=u,workdir=w")).getMessage()
                .contains("an empty layer"));
    }
}
