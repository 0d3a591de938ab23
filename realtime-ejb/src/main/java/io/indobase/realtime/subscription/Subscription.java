package io.indobase.realtime.subscription;

import java.util.List;
import java.util.Set;

/**
 * One subscription of a connection: the channels it listens to (after account-channel conversion) and the queries
 * the client sent, kept as their JSON strings to echo them back.
 */
public record Subscription(Set<String> channels, List<String> queries) {

    public Subscription {
        channels = Set.copyOf(channels);
        queries = List.copyOf(queries);
    }
}
