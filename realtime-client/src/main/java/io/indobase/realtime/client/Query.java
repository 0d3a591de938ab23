package io.indobase.realtime.client;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Subscription queries as the server reads them (utopia Query JSON, the strings the Appwrite SDKs' {@code Query}
 * makes): an event reaches a subscription only when its payload passes all of them. Values are strings, numbers,
 * booleans or null. {@code contains}, {@code startsWith}, {@code endsWith}, {@code between} and dotted attribute
 * paths are indobase extensions that Appwrite refuses.
 */
public final class Query {

    private Query() {
    }

    public static String equal(String attribute, Object... values) {
        return filter("equal", attribute, values);
    }

    public static String notEqual(String attribute, Object... values) {
        return filter("notEqual", attribute, values);
    }

    public static String lessThan(String attribute, Object value) {
        return filter("lessThan", attribute, value);
    }

    public static String lessThanEqual(String attribute, Object value) {
        return filter("lessThanEqual", attribute, value);
    }

    public static String greaterThan(String attribute, Object value) {
        return filter("greaterThan", attribute, value);
    }

    public static String greaterThanEqual(String attribute, Object value) {
        return filter("greaterThanEqual", attribute, value);
    }

    public static String between(String attribute, Object low, Object high) {
        return filter("between", attribute, low, high);
    }

    public static String isNull(String attribute) {
        return filter("isNull", attribute);
    }

    public static String isNotNull(String attribute) {
        return filter("isNotNull", attribute);
    }

    public static String contains(String attribute, Object... values) {
        return filter("contains", attribute, values);
    }

    public static String startsWith(String attribute, String value) {
        return filter("startsWith", attribute, value);
    }

    public static String endsWith(String attribute, String value) {
        return filter("endsWith", attribute, value);
    }

    /** All of the queries pass. */
    public static String and(String... queries) {
        return group("and", queries);
    }

    /** Any of the queries passes. */
    public static String or(String... queries) {
        return group("or", queries);
    }

    private static String filter(String method, String attribute, Object... values) {
        JsonArrayBuilder list = Protocol.JSON.createArrayBuilder();
        for (Object value : values) {
            add(list, value);
        }
        return Protocol.JSON.createObjectBuilder().add("method", method).add("attribute", attribute)
                .add("values", list).build().toString();
    }

    private static void add(JsonArrayBuilder list, Object value) {
        if (value == null) {
            list.addNull();
        } else if (value instanceof String text) {
            list.add(text);
        } else if (value instanceof Boolean flag) {
            list.add(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            list.add(((Number) value).longValue());
        } else if (value instanceof Number number) {
            list.add(new BigDecimal(number.toString()));
        } else {
            throw new IllegalArgumentException("a query value is a string, a number, a boolean or null, got " + value.getClass());
        }
    }

    private static String group(String method, String... queries) {
        JsonArrayBuilder nested = Protocol.JSON.createArrayBuilder();
        Arrays.stream(queries).map(q -> Protocol.JSON.createReader(new StringReader(q)).readObject()).forEach(nested::add);
        JsonObjectBuilder query = Protocol.JSON.createObjectBuilder().add("method", method).add("values", nested);
        JsonObject built = query.build();
        return built.toString();
    }
}
