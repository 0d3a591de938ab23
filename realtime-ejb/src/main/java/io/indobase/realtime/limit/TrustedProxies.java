package io.indobase.realtime.limit;

import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code realtime.security.trusted-proxies}: addresses
 * and CIDR ranges, comma-separated, or {@code none}). Only when the TCP peer is one of them is the header read, from
 * the right: each trusted hop names the one before it, and the first address that is not a trusted proxy is the
 * client. Addresses a client writes into the header itself are further left and never reached, so they cannot
 * change what it is counted as.
 */
final class TrustedProxies {

    /** A proxy chain longer than this is not read further; the last hop read is taken as the client. */
    private static final int MAX_HOPS = 32;

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges = new ArrayList<>();

    TrustedProxies(String config) {
        if (config == null || config.isBlank() || config.trim().equals("none")) {
            return;
        }
        for (String raw : config.split(",")) {
            String entry = raw.trim();
            if (!entry.isEmpty()) {
                ranges.add(range(entry));
            }
        }
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] network = ClientAddress.parse(slash < 0 ? entry : entry.substring(0, slash));
        int prefix;
        try {
            prefix = slash < 0 ? (network == null ? 0 : network.length * 8) : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (network == null || prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + entry);
        }
        return new Range(network, prefix);
    }

    boolean trusts(String address) {
        byte[] bytes = ClientAddress.parse(address);
        return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /**
     * @param peer         the TCP peer's address
     * @param forwardedFor the {@code X-Forwarded-For} header lines in order (each may list several addresses)
     * @return the client's address: the peer's, unless it is a trusted proxy
     */
    String client(String peer, List<String> forwardedFor) {
        if (ranges.isEmpty() || forwardedFor == null || forwardedFor.isEmpty() || !trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1, read = 0; i >= 0 && read < MAX_HOPS && trusts(client); i--, read++) {
            String hop = ClientAddress.canonical(hops.get(i));
            if (hop == null) {
                break; // not an address: the hop that wrote it is as far as the chain can be believed
            }
            client = hop;
        }
        return client;
    }
}
