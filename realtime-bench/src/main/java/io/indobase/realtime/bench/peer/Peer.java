package io.indobase.realtime.bench.peer;

/**
 * How one server is subscribed to: the only part of the harness that differs between our node and its peers.
 * The harness's own measurement (the {@code "bseq"}/{@code "bt"} markers in every published body) is the same for all.
 */
public interface Peer {

    /** The request target (path and query) of subscriber {@code index}'s upgrade. */
    String target(int index, int team);

    /** Extra upgrade headers, each ending with CRLF ("" for none). */
    String headers(int index, int team);

    /** The first step once the socket is open. */
    Step opened();

    /** The next step for a message received before the subscriber is ready. */
    Step setup(String message);

    /** A message sent every {@link #keepaliveMillis} to keep the session, or null. */
    default String keepalive() {
        return null;
    }

    default long keepaliveMillis() {
        return 15_000;
    }

    /** The peer called {@code name} on {@code channel} (a fresh name per population). */
    static Peer of(String name, String channel) {
        return switch (name) {
            case "ours", "cluster" -> new OursPeer(channel); // the cluster: our nodes behind nginx
            case "nchan" -> new NchanPeer(channel);
            case "stomp" -> new StompPeer();
            default -> throw new IllegalArgumentException("unknown peer " + name + " (ours, cluster, nchan, stomp)");
        };
    }
}
