package io.indobase.realtime.limit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP address literals as the per-address limits see them. Parsing never asks DNS. An IPv6 client is counted by its
 * /64 (one household or one server usually holds a whole /64, so rotating within it gains nothing), an IPv4-mapped
 * IPv6 address as its IPv4 address.
 */
final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::\\d{1,5})?");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)](?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private ClientAddress() {
    }

    /**
     * @param text {@code a.b.c.d}, {@code a.b.c.d:port}, an IPv6 literal, {@code [v6]} or {@code [v6]:port}, with or
     *             without a zone ({@code %eth0})
     * @return its 4 or 16 bytes, or null when it is not an IP address literal
     */
    static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        String address = text.trim();
        Matcher bracketed = BRACKETED.matcher(address);
        if (bracketed.matches()) {
            address = bracketed.group(1);
        }
        Matcher v4 = IPV4.matcher(address);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        int zone = address.indexOf('%');
        String v6 = zone < 0 ? address : address.substring(0, zone);
        if (!v6.contains(":") || !IPV6.matcher(v6).matches()) {
            return null;
        }
        try {
            // bracketed, with a colon and only hex digits, colons and dots: parsed as a literal or refused, never looked up
            return InetAddress.getByName("[" + v6 + "]").getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The canonical text of an address literal, or null when it is not one. */
    static String canonical(String text) {
        byte[] bytes = parse(text);
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** What the limits count an address by: an IPv4 address, an IPv6 /64, or the text itself if it is neither. */
    static String key(String address) {
        byte[] bytes = parse(address);
        if (bytes == null) {
            return address == null ? "" : address;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 255) + "." + (bytes[1] & 255) + "." + (bytes[2] & 255) + "." + (bytes[3] & 255);
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString((bytes[i] & 255) << 8 | bytes[i + 1] & 255)).append(':');
        }
        return prefix.append(":/64").toString();
    }
}
