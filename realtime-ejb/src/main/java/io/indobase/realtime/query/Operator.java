package io.indobase.realtime.query;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The comparison a leaf query makes between the payload's value and the query's values, as Appwrite's RuntimeQuery
 * makes it: {@code equal} is PHP's {@code ===} against any value, {@code notEqual} its negation against all, the
 * ordering operators PHP's loose comparison against any value. The last four are <b>beyond Appwrite</b>.
 */
enum Operator {

    EQUAL("equal") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            return identicalToAny(value, targets);
        }
    },
    NOT_EQUAL("notEqual") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            return !identicalToAny(value, targets);
        }
    },
    LESS_THAN("lessThan") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            for (JsonValue target : targets) {
                if (Php.compare(value, target) < 0) {
                    return true;
                }
            }
            return false;
        }
    },
    LESS_THAN_EQUAL("lessThanEqual") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            for (JsonValue target : targets) {
                if (Php.compare(value, target) <= 0) {
                    return true;
                }
            }
            return false;
        }
    },
    /** PHP evaluates {@code $a > $b} as {@code $b < $a}, which differs only for arrays that cannot be compared. */
    GREATER_THAN("greaterThan") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            for (JsonValue target : targets) {
                if (Php.compare(target, value) < 0) {
                    return true;
                }
            }
            return false;
        }
    },
    GREATER_THAN_EQUAL("greaterThanEqual") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            for (JsonValue target : targets) {
                if (Php.compare(target, value) <= 0) {
                    return true;
                }
            }
            return false;
        }
    },
    IS_NULL("isNull") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            return value.getValueType() == JsonValue.ValueType.NULL;
        }
    },
    IS_NOT_NULL("isNotNull") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            return value.getValueType() != JsonValue.ValueType.NULL;
        }
    },
    /** A string containing any of the strings, or a list (or object) with an element identical to any value. */
    CONTAINS("contains") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            if (value.getValueType() == JsonValue.ValueType.STRING) {
                String s = ((JsonString) value).getString();
                for (JsonValue target : targets) {
                    if (target.getValueType() == JsonValue.ValueType.STRING && s.contains(((JsonString) target).getString())) {
                        return true;
                    }
                }
                return false;
            }
            if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                return anyIdentical((JsonArray) value, targets);
            }
            return value.getValueType() == JsonValue.ValueType.OBJECT && anyIdentical(((JsonObject) value).values(), targets);
        }
    },
    STARTS_WITH("startsWith") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            return value.getValueType() == JsonValue.ValueType.STRING && affix((JsonString) value, targets, true);
        }
    },
    ENDS_WITH("endsWith") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            return value.getValueType() == JsonValue.ValueType.STRING && affix((JsonString) value, targets, false);
        }
    },
    /** {@code $lower <= $value && $value <= $upper}, inclusive, with PHP's loose comparison. */
    BETWEEN("between") {
        @Override
        boolean test(JsonValue value, JsonValue[] targets) {
            return Php.compare(targets[0], value) <= 0 && Php.compare(value, targets[1]) <= 0;
        }
    };

    private final String method;

    Operator(String method) {
        this.method = method;
    }

    String method() {
        return method;
    }

    /** @param value the payload's value; present (never null), possibly {@link JsonValue#NULL} */
    abstract boolean test(JsonValue value, JsonValue[] targets);

    static Operator of(String method) {
        for (Operator operator : values()) {
            if (operator.method.equals(method)) {
                return operator;
            }
        }
        return null;
    }

    boolean isExtension() {
        return ordinal() >= CONTAINS.ordinal();
    }

    private static boolean identicalToAny(JsonValue value, JsonValue[] targets) {
        for (JsonValue target : targets) {
            if (Php.identical(value, target)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyIdentical(Iterable<JsonValue> elements, JsonValue[] targets) {
        for (JsonValue element : elements) {
            if (identicalToAny(element, targets)) {
                return true;
            }
        }
        return false;
    }

    private static boolean affix(JsonString value, JsonValue[] targets, boolean prefix) {
        String s = value.getString();
        for (JsonValue target : targets) {
            if (target.getValueType() == JsonValue.ValueType.STRING) {
                String t = ((JsonString) target).getString();
                if (prefix ? s.startsWith(t) : s.endsWith(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> extensionMethods() {
        return List.of(CONTAINS.method, STARTS_WITH.method, ENDS_WITH.method, BETWEEN.method);
    }
}
