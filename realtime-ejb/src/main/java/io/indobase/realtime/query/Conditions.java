package io.indobase.realtime.query;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/** The compiled forms of queries: all of, any of, and one comparison against one attribute. */
final class Conditions {

    /** What a {@code select} nested in {@code and}/{@code or} compiles to in Appwrite: never true. */
    static final Filter NEVER = payload -> false;

    private Conditions() {
    }

    static Filter allOf(List<Filter> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : new AllOf(conditions.toArray(new Filter[0]));
    }

    static Filter anyOf(List<Filter> conditions) {
        return new AnyOf(conditions.toArray(new Filter[0]));
    }

    static Filter compare(String attribute, Operator operator, List<JsonValue> values) {
        return new Comparison(new AttributePath(attribute), operator, values.toArray(new JsonValue[0]));
    }

    private static final class AllOf implements Filter {
        private final Filter[] conditions;

        AllOf(Filter[] conditions) {
            this.conditions = conditions;
        }

        @Override
        public boolean matches(JsonObject payload) {
            for (Filter condition : conditions) {
                if (!condition.matches(payload)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class AnyOf implements Filter {
        private final Filter[] conditions;

        AnyOf(Filter[] conditions) {
            this.conditions = conditions;
        }

        @Override
        public boolean matches(JsonObject payload) {
            for (Filter condition : conditions) {
                if (condition.matches(payload)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A payload without the attribute never passes, whatever the operator (Appwrite's rule, even for notEqual). */
    private static final class Comparison implements Filter {
        private final AttributePath path;
        private final Operator operator;
        private final JsonValue[] targets;

        Comparison(AttributePath path, Operator operator, JsonValue[] targets) {
            this.path = path;
            this.operator = operator;
            this.targets = targets;
        }

        @Override
        public boolean matches(JsonObject payload) {
            JsonValue value = path.resolve(payload);
            return value != null && operator.test(value, targets);
        }

        @Override
        public String toString() {
            return operator.method() + "(" + path + ")";
        }
    }
}
