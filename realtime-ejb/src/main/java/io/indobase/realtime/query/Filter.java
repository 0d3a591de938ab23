package io.indobase.realtime.query;

import jakarta.json.JsonObject;

/**
 * A subscription's compiled queries: whether an event's payload passes them. Compiled once when the subscription is
 * made ({@link Queries#compile}); testing allocates nothing for the comparisons Appwrite defines on scalar values.
 */
@FunctionalInterface
public interface Filter {

    /** No queries, or {@code select("*")}: every event passes. */
    Filter ALL = payload -> true;

    boolean matches(JsonObject payload);
}
