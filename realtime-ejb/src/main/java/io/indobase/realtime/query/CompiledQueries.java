package io.indobase.realtime.query;

import java.util.List;
import java.util.Objects;

/**
 * A subscription's queries, accepted and compiled.
 *
 * @param canonical the queries as utopia's {@code Query::toString} writes them back, which is what Appwrite echoes
 *                  in the {@code subscribe} response; empty when none were given
 * @param filter    what an event's payload must pass
 */
public record CompiledQueries(List<String> canonical, Filter filter) {

    public static final CompiledQueries ALL = new CompiledQueries(List.of(), Filter.ALL);

    public CompiledQueries {
        canonical = List.copyOf(canonical);
        Objects.requireNonNull(filter, "filter");
    }
}
