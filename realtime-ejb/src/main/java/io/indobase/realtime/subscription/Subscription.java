package io.indobase.realtime.subscription;

import io.indobase.realtime.query.Filter;
import io.indobase.realtime.query.Queries;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One subscription of a connection: the channels it listens to (after account-channel conversion), the queries the
 * client sent, kept as their JSON strings to echo them back, and those queries compiled, which every event's payload
 * on those channels must pass. Equal channel sets are one instance ({@link SharedChannelSets}).
 */
public record Subscription(Set<String> channels, List<String> queries, Filter filter) {

    public Subscription {
        channels = SharedChannelSets.SUBSCRIPTIONS.of(Set.copyOf(channels));
        queries = List.copyOf(queries);
        Objects.requireNonNull(filter, "filter");
    }

    /** Compiles queries the transport has already accepted ({@link Queries#compile}). */
    public Subscription(Set<String> channels, List<String> queries) {
        this(channels, queries, Queries.compile(queries).filter());
    }
}
