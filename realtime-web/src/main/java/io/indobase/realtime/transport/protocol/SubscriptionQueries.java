package io.indobase.realtime.transport.protocol;

import io.indobase.realtime.query.InvalidQueryException;
import io.indobase.realtime.query.Queries;
import java.util.List;

/** The transport's side of query checking: a refused query becomes an error frame with Appwrite's prefix. */
public final class SubscriptionQueries {

    public static final String SELECT_ALL = Queries.SELECT_ALL;

    private SubscriptionQueries() {
    }

    /**
     * @param code the error code of a rejection: 1003 in a message, 1008 (closing) in the handshake URL
     * @return the queries as utopia writes them back, which the {@code subscribe} response echoes; empty for none
     */
    public static List<String> check(List<String> queries, int code) {
        try {
            return Queries.compile(queries).canonical();
        } catch (InvalidQueryException e) {
            throw new ProtocolException(code, "Invalid query: " + e.getMessage());
        }
    }
}
