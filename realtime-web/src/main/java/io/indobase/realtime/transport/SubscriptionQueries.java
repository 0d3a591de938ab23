package io.indobase.realtime.transport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
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
    /** Methods utopia-php/database 7 parses (Appwrite 1.9); anything else is not a query method at all. */
    private static final Set<String> UTOPIA_METHODS = Set.of("equal", "notEqual", "lessThan", "lessThanEqual",
            "greaterThan", "greaterThanEqual", "contains", "containsAny", "containsAll", "notContains", "search",
            "notSearch", "isNull", "isNotNull", "between", "notBetween", "startsWith", "notStartsWith", "endsWith",
            "notEndsWith", "regex", "exists", "notExists", "elemMatch", "createdBefore", "createdAfter", "updatedBefore",
            "updatedAfter", "select", "orderAsc", "orderDesc", "orderRandom", "limit", "offset", "cursorAfter",
            "cursorBefore", "and", "or", "crosses", "notCrosses", "distanceEqual", "distanceNotEqual",
            "distanceGreaterThan", "distanceLessThan", "intersects", "notIntersects", "overlaps", "notOverlaps",
            "touches", "notTouches", "vectorDot", "vectorCosine", "vectorEuclidean");

    private SubscriptionQueries() {
    }

    /**
     * @param code the error code of a rejection: 1003 in a message, 1008 (closing) in the handshake URL
     * @return the queries to store and echo, in utopia's canonical JSON; none means select everything
     */
    static List<String> check(List<String> queries, int code) {
        for (String query : queries) {
            String method = method(query, code);
            if (!UTOPIA_METHODS.contains(method)) {
                throw invalid(code, "Invalid query method: " + method);
            }
            if (!APPWRITE_ALLOWED.contains(method)) {
                throw invalid(code, "Query method '" + method + "' is not supported in Realtime queries. Allowed: "
                        + String.join(", ", APPWRITE_ALLOWED));
            }
            if (FILTERS.contains(method)) {
                throw invalid(code, "Query method '" + method + "' is not supported by this server yet. Allowed: select");
            }
            if (!selectsAll(query)) {
                throw invalid(code, "Only select(\"*\") is allowed in Realtime queries. select(\"*\") means \"listen to all events\".");
            }
        }
        return List.of(SELECT_ALL);
    }

    /** The query's method, with utopia's parse errors for anything that is not a query object. */
    private static String method(String query, int code) {
        JsonValue value;
        try {
            value = StrictJson.parse(query);
        } catch (JsonException e) {
            throw invalid(code, "Invalid query: Syntax error");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT && value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(code, "Invalid query. Must be an array, got " + phpType(value));
        }
        JsonValue method = value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject().get("method") : null;
        if (method == null) {
            throw invalid(code, "Invalid query method: ");
        }
        if (method.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid(code, "Invalid query method. Must be a string, got " + phpType(method));
        }
        return ((JsonString) method).getString();
    }

    /** The type name PHP's {@code gettype} gives the decoded value, as utopia's messages show it. */
    private static String phpType(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "string";
            case NUMBER -> ((JsonNumber) value).isIntegral() ? "integer" : "double";
            case TRUE, FALSE -> "boolean";
            case NULL -> "NULL";
            default -> "array";
        };
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
