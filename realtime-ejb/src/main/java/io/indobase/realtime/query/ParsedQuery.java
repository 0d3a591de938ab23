package io.indobase.realtime.query;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * One query as utopia's {@code Query::parse} reads it: a method, an attribute ({@code ""} when absent) and its values;
 * the values of {@code and}, {@code or} and {@code elemMatch} are queries themselves.
 */
record ParsedQuery(String method, String attribute, List<JsonValue> values, List<ParsedQuery> children) {

    ParsedQuery {
        values = List.copyOf(values);
        children = List.copyOf(children);
    }

    boolean isLogical() {
        return QueryParser.LOGICAL.contains(method);
    }
}
