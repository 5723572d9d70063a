package dev.diyc.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP addresses as netlink carries them (4 or 16 bytes, network byte order) and as iproute2 prints
 * them. Parsing never touches DNS: {@code InetAddress.getByName("10.0.0.300")} would ask a resolver,
 * and diyc sends no traffic anywhere it did not set up itself.
 */
public final class IpAddresses {
    private IpAddresses() {}

    /** 10.0.0.1 or fe80::1, compressed as iproute2 prints it (RFC 5952). */
    public static String format(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        if (a.length != 16) {
            StringBuilder b = new StringBuilder();
            for (byte x : a) {
                b.append(String.format("%02x", x & 0xff));
            }
            return b.toString();
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        // The longest run of two or more zero groups becomes "::" (the first, if two are as long).
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLen - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(g[i]));
        }
        return b.toString();
    }

    /** The bytes of a literal IPv4 or IPv6 address, or null if {@code text} is not one. */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            if (!text.matches("[0-9A-Fa-f:.]+")) {
                return null;
            }
            try {
                // With a ':' in it the JDK parses a literal and never falls back to a resolver.
                byte[] a = InetAddress.getByName(text).getAddress();
                return a.length == 16 ? a : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] a = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}")) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            a[i] = (byte) v;
        }
        return a;
    }

    /** AF_INET for 4 bytes, AF_INET6 for 16. */
    public static int family(byte[] a) {
        return a.length == 4 ? NetlinkConstants.AF_INET : NetlinkConstants.AF_INET6;
    }
}
