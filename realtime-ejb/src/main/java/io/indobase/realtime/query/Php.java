package io.indobase.realtime.query;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Iterator;
import java.util.Map;

/**
 * PHP 8's {@code ===} and loose comparison ({@code <}, {@code <=}: {@code zend_compare}) on JSON values decoded the
 * way {@code json_decode($json, true)} decodes them, which is what Appwrite's RuntimeQuery compares: a number without
 * fraction or exponent that fits 64 bits is an int, any other number a float; objects and lists are both PHP arrays,
 * a list's keys being its indexes.
 */
final class Php {

    /** The PHP types a decoded JSON value can have, in {@code zend_compare}'s order of the null and bool checks. */
    enum Kind { NULL, FALSE, TRUE, INT, FLOAT, STRING, ARRAY }

    private Php() {
    }

    static Kind kind(JsonValue value) {
        switch (value.getValueType()) {
            case NULL:
                return Kind.NULL;
            case FALSE:
                return Kind.FALSE;
            case TRUE:
                return Kind.TRUE;
            case STRING:
                return Kind.STRING;
            case NUMBER:
                return isInt((JsonNumber) value) ? Kind.INT : Kind.FLOAT;
            default:
                return Kind.ARRAY;
        }
    }

    /** PHP's {@code json_decode} gives an int only for an integer literal (no fraction, no exponent) within 64 bits. */
    static boolean isInt(JsonNumber number) {
        if (!number.isIntegral()) {
            return false;
        }
        try {
            number.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** PHP's {@code ===}: same type and value; arrays with the same keys in the same order and identical values. */
    static boolean identical(JsonValue a, JsonValue b) {
        Kind ka = kind(a);
        if (ka != kind(b)) {
            return false;
        }
        switch (ka) {
            case INT:
                return ((JsonNumber) a).longValue() == ((JsonNumber) b).longValue();
            case FLOAT:
                return ((JsonNumber) a).doubleValue() == ((JsonNumber) b).doubleValue();
            case STRING:
                return ((JsonString) a).getString().equals(((JsonString) b).getString());
            case ARRAY:
                return identicalArrays(a, b);
            default:
                return true;
        }
    }

    private static boolean identicalArrays(JsonValue a, JsonValue b) {
        if (size(a) != size(b)) {
            return false;
        }
        Iterator<Map.Entry<String, JsonValue>> ia = entries(a);
        Iterator<Map.Entry<String, JsonValue>> ib = entries(b);
        while (ia.hasNext()) {
            Map.Entry<String, JsonValue> ea = ia.next();
            Map.Entry<String, JsonValue> eb = ib.next();
            if (!ea.getKey().equals(eb.getKey()) || !identical(ea.getValue(), eb.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * PHP 8's {@code zend_compare}: negative, zero or positive. {@code a < b} is {@code compare(a, b) < 0};
     * {@code a > b} is {@code compare(b, a) < 0}, as PHP swaps the operands. Arrays that cannot be compared give 1.
     */
    static int compare(JsonValue a, JsonValue b) {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (isNumber(ka) && isNumber(kb)) {
            if (ka == Kind.INT && kb == Kind.INT) {
                return Long.compare(((JsonNumber) a).longValue(), ((JsonNumber) b).longValue());
            }
            return sign(((JsonNumber) a).doubleValue() - ((JsonNumber) b).doubleValue());
        }
        if (ka == Kind.ARRAY && kb == Kind.ARRAY) {
            return compareArrays(a, b);
        }
        if (ka == Kind.STRING && kb == Kind.STRING) {
            return PhpStrings.smartCompare(((JsonString) a).getString(), ((JsonString) b).getString());
        }
        if (ka == Kind.NULL && kb == Kind.STRING) {
            return ((JsonString) b).getString().isEmpty() ? 0 : -1;
        }
        if (ka == Kind.STRING && kb == Kind.NULL) {
            return ((JsonString) a).getString().isEmpty() ? 0 : 1;
        }
        if (isNumber(ka) && kb == Kind.STRING) {
            return PhpStrings.compareNumberToString((JsonNumber) a, ka == Kind.INT, ((JsonString) b).getString());
        }
        if (ka == Kind.STRING && isNumber(kb)) {
            return -PhpStrings.compareNumberToString((JsonNumber) b, kb == Kind.INT, ((JsonString) a).getString());
        }
        // null and booleans against anything else compare as booleans; an array is greater than any other scalar
        if (ka == Kind.NULL || ka == Kind.FALSE) {
            return isTrue(b) ? -1 : 0;
        }
        if (ka == Kind.TRUE) {
            return isTrue(b) ? 0 : 1;
        }
        if (kb == Kind.NULL || kb == Kind.FALSE) {
            return isTrue(a) ? 1 : 0;
        }
        if (kb == Kind.TRUE) {
            return isTrue(a) ? 0 : -1;
        }
        return ka == Kind.ARRAY ? 1 : -1;
    }

    /** Fewer elements is smaller; a key of {@code a} missing from {@code b} makes them incomparable (1). */
    private static int compareArrays(JsonValue a, JsonValue b) {
        int sa = size(a);
        int sb = size(b);
        if (sa != sb) {
            return sa > sb ? 1 : -1;
        }
        Iterator<Map.Entry<String, JsonValue>> ia = entries(a);
        while (ia.hasNext()) {
            Map.Entry<String, JsonValue> entry = ia.next();
            JsonValue other = element(b, entry.getKey());
            if (other == null) {
                return 1;
            }
            int result = compare(entry.getValue(), other);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    /** PHP's truthiness: null, false, 0, 0.0, "", "0" and empty arrays are false. */
    static boolean isTrue(JsonValue value) {
        switch (kind(value)) {
            case TRUE:
                return true;
            case INT:
                return ((JsonNumber) value).longValue() != 0;
            case FLOAT:
                return ((JsonNumber) value).doubleValue() != 0.0;
            case STRING:
                String s = ((JsonString) value).getString();
                return !s.isEmpty() && !s.equals("0");
            case ARRAY:
                return size(value) > 0;
            default:
                return false;
        }
    }

    /** The element of a PHP array by key: a list's keys are its indexes written in decimal. */
    static JsonValue element(JsonValue array, String key) {
        if (array.getValueType() == JsonValue.ValueType.OBJECT) {
            return ((JsonObject) array).get(key);
        }
        int index = listIndex(key);
        JsonArray list = (JsonArray) array;
        return index >= 0 && index < list.size() ? list.get(index) : null;
    }

    private static int listIndex(String key) {
        if (key.isEmpty() || key.length() > 9 || (key.length() > 1 && key.charAt(0) == '0')) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    private static int size(JsonValue array) {
        return array.getValueType() == JsonValue.ValueType.OBJECT ? ((JsonObject) array).size() : ((JsonArray) array).size();
    }

    private static Iterator<Map.Entry<String, JsonValue>> entries(JsonValue array) {
        if (array.getValueType() == JsonValue.ValueType.OBJECT) {
            return ((JsonObject) array).entrySet().iterator();
        }
        JsonArray list = (JsonArray) array;
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < list.size();
            }

            @Override
            public Map.Entry<String, JsonValue> next() {
                int index = next++;
                return Map.entry(Integer.toString(index), list.get(index));
            }
        };
    }

    private static boolean isNumber(Kind kind) {
        return kind == Kind.INT || kind == Kind.FLOAT;
    }

    static int sign(double difference) {
        return difference > 0 ? 1 : difference < 0 ? -1 : 0;
    }
}
