package io.indobase.realtime.testkit;

import static io.indobase.realtime.testkit.Garble.quote;

import io.indobase.realtime.testkit.BadFrames.Answer;
import io.indobase.realtime.testkit.BadFrames.Case;
import java.util.List;
import java.util.Random;

/**
 * Subscribe messages whose queries are refused, each with utopia's or Appwrite's message behind the
 * {@code Invalid query: } prefix (docs/protocol.md): not JSON, not an array, unknown or unsupported methods, mistyped
 * attributes and values, nesting past PHP's 512 levels, {@code select} and {@code between} misused, infinite numbers.
 */
final class BadQueries {

    private static final String PREFIX = "Invalid query: ";
    /** A query that is accepted, mixed in before the bad one (the batch is refused whole). */
    private static final String VALID = "{\"method\":\"equal\",\"attribute\":\"$id\",\"values\":[\"x\"]}";
    /** utopia methods Appwrite's realtime refuses (and that this server does not add). */
    private static final List<String> UNSUPPORTED = List.of("search", "notSearch", "limit", "offset", "cursorAfter",
            "cursorBefore", "orderAsc", "orderDesc", "orderRandom", "regex", "exists", "containsAny",
            "notContains", "notBetween", "createdBefore", "updatedAfter", "crosses", "vectorDot");
    private static final List<String> KNOWN = List.of("equal", "notEqual", "lessThan", "lessThanEqual", "greaterThan",
            "greaterThanEqual", "contains", "containsAll", "isNull", "isNotNull", "between", "startsWith", "notStartsWith",
            "endsWith", "notEndsWith", "select", "and", "or", "intersects", "notIntersects", "overlaps", "notOverlaps",
            "touches", "notTouches", "distanceEqual", "distanceNotEqual", "distanceGreaterThan", "distanceLessThan",
            "vectorCosine", "vectorEuclidean", "notCrosses", "notExists", "createdAfter", "updatedBefore", "elemMatch");

    private BadQueries() {
    }

    private static Case query(Random r, String category, String query, String message) {
        String queries = (r.nextBoolean() ? quote(VALID) + "," : "") + quote(query);
        return Case.text("query: " + category, BadFrames.subscribe(r, "{\"channels\":[\"files\"],\"queries\":[" + queries + "]}"),
                Answer.invalid(PREFIX + message));
    }

    static Case syntax(Random r) {
        String[] texts = {Garble.junk(r), "{\"method\":\"equal\"", "{\"method\":\"equal\"} x", "", "equal(\"a\", [1])",
                "{\"method\":\"equal\",\"values\":[NaN]}"};
        return query(r, "not JSON", texts[r.nextInt(texts.length)], "Invalid query: Syntax error");
    }

    static Case notAnArray(Random r) {
        String[] scalars = {"1", "-2.5", "true", "null", quote(Garble.word(r, 8))};
        return query(r, "not an array", scalars[r.nextInt(scalars.length)], "Invalid query. Must be an array, got ");
    }

    static Case badMethod(Random r) {
        if (r.nextBoolean()) {
            return query(r, "method not a string", "{\"method\":" + Garble.valueExcept(r, "string", "null") + "}",
                    "Invalid query method. Must be a string, got ");
        }
        String name = Garble.oddString(r, 12);
        if (KNOWN.contains(name) || UNSUPPORTED.contains(name)) {
            name = name + "_";
        }
        return query(r, "unknown method", "{\"method\":" + quote(name) + ",\"attribute\":\"a\",\"values\":[1]}",
                "Invalid query method: ");
    }

    static Case unsupportedMethod(Random r) {
        String method = UNSUPPORTED.get(r.nextInt(UNSUPPORTED.size()));
        String query = "{\"method\":\"" + method + "\",\"attribute\":\"a\",\"values\":[1]}";
        if (r.nextBoolean()) { // inside a logical query: Appwrite checks those too
            query = "{\"method\":\"" + (r.nextBoolean() ? "and" : "or") + "\",\"values\":[" + VALID + "," + query + "]}";
        }
        return query(r, "method not supported in Realtime", query, "Query method '" + method + "' is not supported in Realtime queries.");
    }

    static Case badAttributeOrValues(Random r) {
        if (r.nextBoolean()) {
            return query(r, "attribute not a string", "{\"method\":\"equal\",\"attribute\":" + Garble.valueExcept(r, "string", "null")
                    + ",\"values\":[1]}", "Invalid query attribute. Must be a string, got ");
        }
        return query(r, "values not an array", "{\"method\":\"equal\",\"attribute\":\"a\",\"values\":"
                + Garble.valueExcept(r, "array", "object", "null") + "}", "Invalid query values. Must be an array, got ");
    }

    /** Deeper than PHP decodes (512), up to far beyond what our JSON parser reads at all (1,000). */
    static Case tooDeep(Random r) {
        int depth = 513 + r.nextInt(r.nextBoolean() ? 400 : 20_000);
        String values = "[" + "[".repeat(depth) + "1" + "]".repeat(depth) + "]";
        return query(r, "nested " + depth + " levels", "{\"method\":\"equal\",\"attribute\":\"a\",\"values\":" + values + "}",
                "Invalid query: Maximum stack depth exceeded");
    }

    static Case badSelectOrBetween(Random r) {
        if (r.nextBoolean()) {
            String[] values = {"[]", "[\"a\"]", "[\"*\",\"a\"]", "[1]", "[\"$id\"]"};
            return query(r, "select other than *", "{\"method\":\"select\",\"values\":" + values[r.nextInt(values.length)] + "}",
                    "Only select(\"*\") is allowed in Realtime queries.");
        }
        String[] values = {"[]", "[1]", "[1,2,3]", "[\"a\"]"};
        return query(r, "between without two bounds", "{\"method\":\"between\",\"attribute\":\"a\",\"values\":"
                + values[r.nextInt(values.length)] + "}", "Query method 'between' needs exactly two values");
    }

    /** PHP reads 1e99999999999 as INF, which a query cannot be encoded with. */
    static Case infinite(Random r) {
        return query(r, "infinite number", "{\"method\":\"lessThan\",\"attribute\":\"a\",\"values\":[" + Garble.hugeExponent(r) + "]}",
                "Invalid query: Inf and NaN cannot be JSON encoded");
    }
}
