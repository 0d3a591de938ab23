package io.indobase.realtime.query;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Where a query reads its value in the payload. Appwrite reads the top-level key named by the attribute, and so does
 * this class first; <b>beyond Appwrite</b>, when no top-level key has that name and it contains dots, each dotted
 * segment steps into a nested object (or, for a decimal segment, a list's element).
 */
final class AttributePath {

    private final String attribute;
    private final String[] segments;

    AttributePath(String attribute) {
        this.attribute = attribute;
        this.segments = attribute.indexOf('.') > 0 && !attribute.endsWith(".") ? attribute.split("\\.") : null;
    }

    /** @return the value, or null when the payload has none there (a JSON null is {@link JsonValue#NULL}) */
    JsonValue resolve(JsonObject payload) {
        JsonValue value = payload.get(attribute);
        if (value != null || segments == null) {
            return value;
        }
        JsonValue current = payload;
        for (String segment : segments) {
            if (current.getValueType() != JsonValue.ValueType.OBJECT && current.getValueType() != JsonValue.ValueType.ARRAY) {
                return null;
            }
            current = Php.element(current, segment);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return attribute;
    }
}
