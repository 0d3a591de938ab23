package io.indobase.realtime.query;

import static io.indobase.realtime.json.JsonKit.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Reads one query string as utopia-php/database 7 ({@code Query::parse}, Appwrite 1.9) does, failing with its
 * messages: PHP's {@code json_decode} (exactly one JSON value, at most 512 levels deep), then the method, attribute
 * and values, recursively for the logical methods.
 */
final class QueryParser {

    static final Set<String> LOGICAL = Set.of("and", "or", "elemMatch");
    /** Every method utopia knows; anything else is not a query method at all. */
    private static final Set<String> UTOPIA_METHODS = Set.of("equal", "notEqual", "lessThan", "lessThanEqual",
            "greaterThan", "greaterThanEqual", "contains", "containsAny", "containsAll", "notContains", "search",
            "notSearch", "isNull", "isNotNull", "between", "notBetween", "startsWith", "notStartsWith", "endsWith",
            "notEndsWith", "regex", "exists", "notExists", "elemMatch", "createdBefore", "createdAfter", "updatedBefore",
            "updatedAfter", "select", "orderAsc", "orderDesc", "orderRandom", "limit", "offset", "cursorAfter",
            "cursorBefore", "and", "or", "crosses", "notCrosses", "distanceEqual", "distanceNotEqual",
            "distanceGreaterThan", "distanceLessThan", "intersects", "notIntersects", "overlaps", "notOverlaps",
            "touches", "notTouches", "vectorDot", "vectorCosine", "vectorEuclidean");
    private static final int PHP_MAX_DEPTH = 512;
    /** {@code JSON.createParser} looks the provider up on every call; a factory does it once. */
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());

    private QueryParser() {
    }

    static ParsedQuery parse(String text) {
        JsonValue value = decode(text);
        if (!isArray(value)) {
            throw new InvalidQueryException("Invalid query. Must be an array, got " + phpType(value));
        }
        return parseQuery(value);
    }

    private static ParsedQuery parseQuery(JsonValue query) {
        JsonValue method = member(query, "method");
        JsonValue attribute = member(query, "attribute");
        JsonValue values = member(query, "values");
        if (method != null && method.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidQueryException("Invalid query method. Must be a string, got " + phpType(method));
        }
        String name = method == null ? "" : ((JsonString) method).getString();
        if (!UTOPIA_METHODS.contains(name)) {
            throw new InvalidQueryException("Invalid query method: " + name);
        }
        if (attribute != null && attribute.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidQueryException("Invalid query attribute. Must be a string, got " + phpType(attribute));
        }
        if (values != null && !isArray(values)) {
            throw new InvalidQueryException("Invalid query values. Must be an array, got " + phpType(values));
        }
        List<JsonValue> list = values == null ? List.of() : elements(values);
        List<ParsedQuery> children = new ArrayList<>();
        if (LOGICAL.contains(name)) {
            for (JsonValue child : list) {
                if (!isArray(child)) {
                    throw new InvalidQueryException("Invalid query. Must be an array, got " + phpType(child));
                }
                children.add(parseQuery(child));
            }
        }
        return new ParsedQuery(name, attribute == null ? "" : ((JsonString) attribute).getString(),
                LOGICAL.contains(name) ? List.of() : list, children);
    }

    /** PHP's {@code $query[$key] ?? default}: absent and null are the same. */
    private static JsonValue member(JsonValue query, String key) {
        if (query.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonValue value = ((JsonObject) query).get(key);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    /** A PHP array's values in order: a list's elements or an object's member values. */
    private static List<JsonValue> elements(JsonValue array) {
        return array.getValueType() == JsonValue.ValueType.ARRAY
                ? (JsonArray) array : new ArrayList<>(((JsonObject) array).values());
    }

    private static JsonValue decode(String text) {
        JsonValue value;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw syntaxError();
            }
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw syntaxError();
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw syntaxError();
        } catch (NumberFormatException e) {
            // PHP reads 1e99999999999 as INF, which a query cannot be encoded with; Java cannot read it at all
            throw new InvalidQueryException("Invalid query: Inf and NaN cannot be JSON encoded");
        } catch (RuntimeException e) {
            // the parser's nesting limit (1,000 levels), far past PHP's 512: what PHP says past its own
            throw new InvalidQueryException("Invalid query: Maximum stack depth exceeded");
        }
        if (depth(value, 1) > PHP_MAX_DEPTH) {
            throw new InvalidQueryException("Invalid query: Maximum stack depth exceeded");
        }
        return value;
    }

    /** The nesting depth as PHP counts it: a scalar is 0 deep, each array or object adds one. */
    private static int depth(JsonValue value, int level) {
        if (!isArray(value)) {
            return level - 1;
        }
        int max = level;
        for (JsonValue child : elements(value)) {
            max = Math.max(max, depth(child, level + 1));
            if (max > PHP_MAX_DEPTH) {
                break;
            }
        }
        return max;
    }

    private static InvalidQueryException syntaxError() {
        return new InvalidQueryException("Invalid query: Syntax error");
    }

    private static boolean isArray(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.OBJECT || value.getValueType() == JsonValue.ValueType.ARRAY;
    }

    /** The type name PHP's {@code gettype} gives the decoded value, as utopia's messages show it. */
    static String phpType(JsonValue value) {
        switch (value.getValueType()) {
            case STRING:
                return "string";
            case NUMBER:
                return Php.isInt((JsonNumber) value) ? "integer" : "double";
            case TRUE:
            case FALSE:
                return "boolean";
            case NULL:
                return "NULL";
            default:
                return "array";
        }
    }
}
