package dev.diyc.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SessionSlotTest {
    @Test
    void aSecondSessionRenamesTheLessonsLinksAndAddressesButNothingElse() throws Exception {
        SessionSlot first = SessionSlot.claim();
        SessionSlot second = SessionSlot.claim(); // the same process holds both: the first is still bound
        assertNotEquals(first.number(), second.number());
        String text = "host ip link add diyc-h7 type veth peer name diyc-c7 netns $CTR\n"
                + "host ip addr add 10.200.7.1/24 dev diyc-br8\nls /tmp/diyc-playground.42; ping 10.2000.1.1 10.200.8.12";
        String renamed = second.rename().apply(text);
        int n = second.number();
        assertEquals("host ip link add diyc" + n + "-h7 type veth peer name diyc" + n + "-c7 netns $CTR\n"
                + "host ip addr add 10." + (200 + n) + ".7.1/24 dev diyc" + n + "-br8\nls /tmp/diyc-playground.42; ping 10.2000.1.1 10."
                + (200 + n) + ".8.12", renamed);
        assertEquals(text, SessionSlot.first().rename().apply(text));
    }

}
