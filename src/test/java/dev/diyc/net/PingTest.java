package dev.diyc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PingTest {
    @Test
    void theChecksumOfAPacketWithItsChecksumIsZero() {
        byte[] echo = Ping.echo(0x1234, 7);
        assertEquals(8, echo[0], "type 8: echo request");
        assertEquals(0x12, echo[4] & 0xff);
        assertEquals(0x34, echo[5] & 0xff);
        assertEquals(7, echo[7]);
        assertEquals(0, Ping.checksum(echo), "a correct checksum makes the whole sum fold to zero");
    }

    @Test
    void checksumsAKnownHeader() {
        // RFC 1071's example words 0x0001 0xf203 0xf4f5 0xf6f7 sum to 0xddf2, whose complement is 0x220d.
        assertEquals(0x220d, Ping.checksum(new byte[] {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7}));
    }
}
