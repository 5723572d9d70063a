package dev.diyc.net;

import dev.diyc.term.UserError;
import java.util.Arrays;

/**
 * An address with its prefix length, as {@code ip addr add 10.0.0.1/24} takes it: the address of
 * this interface and, through the /24, the network it can reach directly.
 */
public record Cidr(byte[] address, int prefixLength) {

    public Cidr {
        address = address.clone();
    }

    /**
     * Parses {@code 10.0.0.1/24} or {@code fd00::1/64}. The prefix is required: iproute2 would take a
     * bare address as /32, a network of one address, through which nothing else is reachable, and
     * a learner would only find out when ping fails.
     */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            byte[] a = IpAddresses.parse(text);
            throw new UserError(a == null
                    ? "\"" + text + "\" is not an address with a prefix length, like 10.0.0.1/24"
                    : "\"" + text + "\" has no prefix length: write " + text + (a.length == 4 ? "/24" : "/64")
                            + " (the /N says which network is reachable directly through this interface)");
        }
        byte[] a = IpAddresses.parse(text.substring(0, slash));
        if (a == null) {
            throw new UserError("\"" + text.substring(0, slash) + "\" is not an IP address (like 10.0.0.1)");
        }
        String p = text.substring(slash + 1);
        int max = a.length * 8;
        if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > max) {
            throw new UserError("\"" + p + "\" is not a prefix length: a number from 0 to " + max + " after the /, like /24");
        }
        return new Cidr(a, Integer.parseInt(p));
    }

    /** A destination for {@code ip route add}: "default" is 0.0.0.0/0; a bare address is a host route (/32). */
    public static Cidr parseDestination(String text) {
        if (text.equals("default")) {
            return new Cidr(new byte[4], 0);
        }
        if (text.indexOf('/') < 0) {
            byte[] a = IpAddresses.parse(text);
            if (a == null) {
                throw new UserError("\"" + text + "\" is not a destination: give default, a network like 10.0.0.0/24, or an address");
            }
            return new Cidr(a, a.length * 8);
        }
        return parse(text);
    }

    public int family() {
        return IpAddresses.family(address);
    }

    /** The network address: the host bits cleared (10.0.0.1/24 → 10.0.0.0). */
    public byte[] network() {
        byte[] n = address.clone();
        for (int bit = prefixLength; bit < n.length * 8; bit++) {
            n[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return n;
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.address, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + prefixLength;
    }
}
