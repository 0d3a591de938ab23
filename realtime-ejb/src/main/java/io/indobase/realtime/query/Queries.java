package io.indobase.realtime.query;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Subscription queries as Appwrite 1.9's realtime accepts and evaluates them ({@code Realtime::convertQueries},
 * {@code RuntimeQuery}): utopia Query JSON strings; {@code equal}, {@code notEqual}, {@code lessThan},
 * {@code lessThanEqual}, {@code greaterThan}, {@code greaterThanEqual}, {@code isNull}, {@code isNotNull}, {@code and},
 * {@code or} and {@code select("*")}; the top-level list is AND; a {@code select("*")} at the top level makes the
 * whole subscription select everything. <b>Beyond Appwrite</b>: {@code contains}, {@code startsWith},
 * {@code endsWith}, {@code between}, and dotted paths into nested objects (see {@link AttributePath}).
 */
public final class Queries {

    /** Appwrite's {@code RuntimeQuery::ALLOWED_QUERIES}, in its order. */
    public static final List<String> APPWRITE_METHODS = List.of("equal", "notEqual", "lessThan", "lessThanEqual",
            "greaterThan", "greaterThanEqual", "isNull", "isNotNull", "and", "or", "select");
    /** What this server accepts beyond Appwrite. */
    public static final List<String> EXTENSION_METHODS = Operator.extensionMethods();
    public static final String SELECT_ALL = "{\"method\":\"select\",\"values\":[\"*\"]}";

    private static final String ALLOWED;

    static {
        List<String> all = new ArrayList<>(APPWRITE_METHODS);
        all.addAll(EXTENSION_METHODS);
        ALLOWED = String.join(", ", all);
    }

    private Queries() {
    }

    /**
     * Parses every query first (the first unreadable one fails), then checks the methods as Appwrite does, from
     * the last query back and into {@code and}/{@code or}, and compiles them.
     *
     * @throws InvalidQueryException with utopia's or Appwrite's message
     */
    public static CompiledQueries compile(List<String> queries) {
        if (queries.isEmpty()) {
            return CompiledQueries.ALL;
        }
        List<ParsedQuery> parsed = new ArrayList<>(queries.size());
        for (String query : queries) {
            parsed.add(QueryParser.parse(query));
        }
        check(parsed);
        List<String> canonical = new ArrayList<>(parsed.size());
        parsed.forEach(q -> canonical.add(PhpJson.encode(q)));
        if (parsed.stream().anyMatch(Queries::selectsAll)) {
            return new CompiledQueries(canonical, Filter.ALL);
        }
        List<Filter> conditions = new ArrayList<>(parsed.size());
        parsed.forEach(q -> conditions.add(condition(q)));
        return new CompiledQueries(canonical, Conditions.allOf(conditions));
    }

    private static void check(List<ParsedQuery> parsed) {
        Deque<ParsedQuery> stack = new ArrayDeque<>(parsed);
        while (!stack.isEmpty()) {
            ParsedQuery query = stack.removeLast();
            String method = query.method();
            if (!APPWRITE_METHODS.contains(method) && !EXTENSION_METHODS.contains(method)) {
                throw new InvalidQueryException("Query method '" + method + "' is not supported in Realtime queries. Allowed: "
                        + ALLOWED);
            }
            if (method.equals("select") && !selectsAll(query)) {
                throw new InvalidQueryException(
                        "Only select(\"*\") is allowed in Realtime queries. select(\"*\") means \"listen to all events\".");
            }
            if (method.equals("between") && query.values().size() != 2) {
                throw new InvalidQueryException("Query method 'between' needs exactly two values, the lower and the upper bound.");
            }
            if (method.equals("and") || method.equals("or")) {
                stack.addAll(query.children());
            }
        }
    }

    private static boolean selectsAll(ParsedQuery query) {
        List<JsonValue> values = query.values();
        return query.method().equals("select") && values.size() == 1
                && values.get(0).getValueType() == JsonValue.ValueType.STRING
                && ((JsonString) values.get(0)).getString().equals("*");
    }

    private static Filter condition(ParsedQuery query) {
        switch (query.method()) {
            case "and":
                return Conditions.allOf(query.children().stream().map(Queries::condition).toList());
            case "or":
                return Conditions.anyOf(query.children().stream().map(Queries::condition).toList());
            case "select":
                return Conditions.NEVER;
            default:
                return Conditions.compare(query.attribute(), Operator.of(query.method()), query.values());
        }
    }
}
