package io.indobase.realtime.query;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A query written back as utopia's {@code Query::toString} writes it ({@code json_encode} of {@code toArray()}):
 * {@code method}, {@code attribute} unless empty, {@code values}; PHP escapes {@code /} and every non-ASCII character,
 * writes a float without a zero fraction, and writes an object whose keys are 0..n-1 as a list.
 */
final class PhpJson {

    private PhpJson() {
    }

    static String encode(ParsedQuery query) {
        StringBuilder out = new StringBuilder(64);
        write(query, out);
        return out.toString();
    }

    private static void write(ParsedQuery query, StringBuilder out) {
        out.append("{\"method\":");
        string(query.method(), out);
        // PHP's empty(): "" and "0" are both empty
        if (!query.attribute().isEmpty() && !query.attribute().equals("0")) {
            out.append(",\"attribute\":");
            string(query.attribute(), out);
        }
        if (query.isLogical()) {
            if (!query.children().isEmpty()) {
                out.append(",\"values\":[");
                for (int i = 0; i < query.children().size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(query.children().get(i), out);
                }
                out.append(']');
            }
        } else {
            out.append(",\"values\":[");
            for (int i = 0; i < query.values().size(); i++) {
                out.append(i == 0 ? "" : ",");
                value(query.values().get(i), out);
            }
            out.append(']');
        }
        out.append('}');
    }

    static void value(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case STRING -> string(((JsonString) value).getString(), out);
            case NUMBER -> number((JsonNumber) value, out);
            case ARRAY -> list((JsonArray) value, out);
            case OBJECT -> object((JsonObject) value, out);
            default -> out.append(value);
        }
    }

    private static void list(JsonArray array, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            out.append(i == 0 ? "" : ",");
            value(array.get(i), out);
        }
        out.append(']');
    }

    private static void object(JsonObject object, StringBuilder out) {
        int index = 0;
        boolean sequential = true;
        for (String key : object.keySet()) {
            sequential &= key.equals(Integer.toString(index++));
        }
        if (sequential) {
            out.append('[');
            boolean first = true;
            for (JsonValue element : object.values()) {
                out.append(first ? "" : ",");
                first = false;
                value(element, out);
            }
            out.append(']');
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            string(entry.getKey(), out);
            out.append(':');
            value(entry.getValue(), out);
        }
        out.append('}');
    }

    private static void number(JsonNumber number, StringBuilder out) {
        if (Php.isInt(number)) {
            out.append(number.longValue());
            return;
        }
        double d = number.doubleValue();
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            throw new InvalidQueryException("Invalid query: Inf and NaN cannot be JSON encoded");
        }
        if (d == 0) {
            out.append(1 / d < 0 ? "-0" : "0");
            return;
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int point = digits.length() - shortest.scale(); // PHP's decpt: digits before the decimal point
        out.append(d < 0 ? "-" : "");
        if (point < -3 || point > 17) {
            out.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0")
                    .append('e').append(point - 1 < 0 ? '-' : '+').append(Math.abs(point - 1));
        } else if (point <= 0) {
            out.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point < digits.length()) {
            out.append(digits, 0, point).append('.').append(digits.substring(point));
        } else {
            out.append(digits).append("0".repeat(point - digits.length()));
        }
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
