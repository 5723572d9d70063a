package dev.diyc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diyc.term.UserError;
import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void anAddressWithoutAPrefixIsRefusedBeforeAnythingIsSent() {
        UserError e = assertThrows(UserError.class, () -> Cidr.parse("10.0.0.1"));
        assertTrue(e.getMessage().contains("10.0.0.1/24"), e.getMessage());
        assertThrows(UserError.class, () -> Cidr.parse("10.0.0.1/33"));
        assertThrows(UserError.class, () -> Cidr.parse("10.0.0.256/24"));
        assertThrows(UserError.class, () -> Cidr.parse("example.com/24"));
        assertThrows(UserError.class, () -> Cidr.parse("10.0.0.1/"));
    }

    @Test
    void parsesAndPrintsBothFamilies() {
        assertEquals("10.200.0.1/24", Cidr.parse("10.200.0.1/24").toString());
        assertEquals("10.200.0.0", IpAddresses.format(Cidr.parse("10.200.0.1/24").network()));
        assertEquals("fd00::1/64", Cidr.parse("fd00:0:0::1/64").toString());
        assertEquals("0.0.0.0/0", Cidr.parseDestination("default").toString());
        assertEquals(32, Cidr.parseDestination("10.7.0.5").prefixLength());
    }

    @Test
    void ipv6PrintsCompressedAsIpDoes() {
        assertEquals("fe80::8e7:68ff:fe78:644e", IpAddresses.format(IpAddresses.parse("fe80:0:0:0:08e7:68ff:fe78:644e")));
        assertEquals("::1", IpAddresses.format(IpAddresses.parse("::1")));
        assertEquals("::", IpAddresses.format(new byte[16]));
        assertEquals("1:0:1::1", IpAddresses.format(IpAddresses.parse("1:0:1:0:0:0:0:1")));
        assertEquals("2001:db8::1:0:0:1", IpAddresses.format(IpAddresses.parse("2001:db8:0:0:1:0:0:1")));
    }

    @Test
    void neverAsksAResolver() {
        assertNull(IpAddresses.parse("localhost"));
        assertNull(IpAddresses.parse("10.0.0"));
        assertNull(IpAddresses.parse("fe80::1%eth0"));
    }
}
