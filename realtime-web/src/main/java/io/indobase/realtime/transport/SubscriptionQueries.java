package io.indobase.realtime.transport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;

/**
 * The queries of a subscription, as utopia Query JSON strings. Appwrite's realtime accepts a fixed set of methods;
 * this server accepts {@code select(["*"])} only, until query filters are implemented, and says so.
 */
final class SubscriptionQueries {

    static final String SELECT_ALL = "{\"method\":\"select\",\"values\":[\"*\"]}";

    private static final List<String> APPWRITE_ALLOWED = List.of("equal", "notEqual", "lessThan", "lessThanEqual",
            "greaterThan", "greaterThanEqual", "isNull", "isNotNull", "and", "or", "select");
    private static final Set<String> FILTERS = Set.copyOf(APPWRITE_ALLOWED.subList(0, APPWRITE_ALLOWED.size() - 1));

    private SubscriptionQueries() {
    }

    /**
     * @param code the error code of a rejection: 1003 in a message, 1008 (closing) in the handshake URL
     * @return the queries to store and echo, in utopia's canonical JSON; none means select everything
     */
    static List<String> check(List<String> queries, int code) {
        for (String query : queries) {
            String method = method(query, code);
            if (!APPWRITE_ALLOWED.contains(method)) {
                throw invalid(code, "Query method '" + method + "' is not supported in Realtime queries. Allowed: "
                        + String.join(", ", APPWRITE_ALLOWED));
            }
            if (FILTERS.contains(method)) {
                throw invalid(code, "Query method '" + method + "' is not supported by this server yet. Allowed: select");
            }
            if (!selectsAll(query)) {
                throw invalid(code, "Only select([\"*\"]) is allowed in Realtime queries.");
            }
        }
        return List.of(SELECT_ALL);
    }

    private static String method(String query, int code) {
        try (JsonReader reader = Json.createReader(new StringReader(query))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT
                    && value.asJsonObject().get("method") instanceof jakarta.json.JsonString method) {
                return method.getString();
            }
        } catch (JsonException | IllegalStateException e) {
            // falls through
        }
        throw invalid(code, "Invalid query: " + query);
    }

    private static boolean selectsAll(String query) {
        try (JsonReader reader = Json.createReader(new StringReader(query))) {
            JsonObject json = reader.readObject();
            JsonArray values = json.getJsonArray("values");
            return values != null && values.size() == 1 && "*".equals(values.getString(0, null));
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return false;
        }
    }

    private static ProtocolException invalid(int code, String message) {
        return new ProtocolException(code, "Invalid query: " + message);
    }
}
