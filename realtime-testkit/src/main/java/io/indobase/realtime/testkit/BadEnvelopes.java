package io.indobase.realtime.testkit;

import static io.indobase.realtime.testkit.Garble.quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A seeded generator of envelopes that must never reach a client, each with the reason docs/envelope.md gives for
 * dropping it (logged as {@code RT-EVT-001}): not JSON, trailing, deep or oversized, missing fields, wrong types,
 * bad permission strings and roles, bad timestamps and parents; and envelopes of families Appwrite does not stream,
 * which are valid and reach nobody. The same seed gives the same corpus.
 */
public final class BadEnvelopes {

    /** The default of {@code realtime.events.max-envelope-bytes}. */
    public static final int MAX_BYTES = 1_048_576;
    /** The project of every envelope that names one validly. */
    public static final String PROJECT = "badinput";

    /**
     * One generated envelope.
     *
     * @param reason the start of the reason it is dropped with; null for a valid envelope that reaches nobody
     */
    public record Case(String category, String body, String reason) {

        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
            return category + ": " + shown.replace("\n", "\\n");
        }
    }

    private static final List<Function<Random, Case>> CATEGORIES = List.of(
            BadEnvelopes::empty, BadEnvelopes::truncated, BadEnvelopes::junk, BadEnvelopes::trailing, BadEnvelopes::notAnObject,
            BadEnvelopes::missing, BadEnvelopes::notAString, BadEnvelopes::blank, BadEnvelopes::emptyEventPart,
            BadEnvelopes::permissionsNotAList, BadEnvelopes::permissionNotAString, BadEnvelopes::badPermission,
            BadEnvelopes::badRole, BadEnvelopes::payloadNotAnObject, BadEnvelopes::badTimestamp, BadEnvelopes::badParent,
            BadEnvelopes::huge, BadEnvelopes::tooDeep, BadEnvelopes::hugeNumber, BadEnvelopes::rawControl,
            BadEnvelopes::unknownFamily);

    private BadEnvelopes() {
    }

    /** {@code count} envelopes, the categories in turn, each with random parameters from {@code seed}. */
    public static List<Case> generate(long seed, int count) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(CATEGORIES.get(i % CATEGORIES.size()).apply(random));
        }
        return cases;
    }

    public static int categories() {
        return CATEGORIES.size();
    }

    /** The fields of a valid envelope, as JSON texts. */
    private static Map<String, String> fields(Random r) {
        String file = "f" + r.nextInt(1_000_000);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("project", quote(PROJECT));
        fields.put("event", quote("buckets.b1.files." + file + ".create"));
        fields.put("payload", "{\"$id\":" + quote(file) + "}");
        fields.put("permissions", "[\"read(\\\"any\\\")\"]");
        if (r.nextBoolean()) {
            fields.put("timestamp", "\"2026-11-28T10:20:30.123+00:00\"");
        }
        return fields;
    }

    private static String json(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    private static String with(Random r, String key, String value) {
        Map<String, String> fields = fields(r);
        fields.put(key, value);
        return json(fields);
    }

    private static String field(Random r, String... keys) {
        return keys[r.nextInt(keys.length)];
    }

    private static Case empty(Random r) {
        String[] bodies = {"", " ", "\n\t ", "\r\n"};
        return new Case("empty body", bodies[r.nextInt(bodies.length)], "empty message body");
    }

    private static Case truncated(Random r) {
        String body = json(fields(r));
        return new Case("broken JSON: truncated", body.substring(0, 1 + r.nextInt(body.length() - 1)), "not valid JSON");
    }

    private static Case junk(Random r) {
        String[] bodies = {Garble.junk(r), "{'project':'p'}", "{project:\"p\"}", json(fields(r)).replace("}", ",}"),
                "<envelope/>", "project=p&event=a.b"};
        return new Case("broken JSON: not JSON", bodies[r.nextInt(bodies.length)], "not valid JSON");
    }

    /** Two envelopes in one message, or one with junk after it: nothing of it is delivered. */
    private static Case trailing(Random r) {
        String tail = r.nextBoolean() ? json(fields(r)) : Garble.junk(r);
        return new Case("broken JSON: trailing content", json(fields(r)) + (r.nextBoolean() ? "\n" : "") + tail, "not valid JSON");
    }

    private static Case notAnObject(Random r) {
        String[] bodies = {Garble.valueExcept(r, "object"), "[" + json(fields(r)) + "]", quote(json(fields(r)))};
        return new Case("wrong type: not an object", bodies[r.nextInt(bodies.length)], "envelope must be a JSON object");
    }

    private static Case missing(Random r) {
        String key = field(r, "project", "event", "permissions");
        Map<String, String> fields = fields(r);
        if (r.nextBoolean()) {
            fields.remove(key);
        } else {
            fields.put(key, "null");
        }
        return new Case("missing field: " + key, json(fields), key + " is required");
    }

    private static Case notAString(Random r) {
        String key = field(r, "project", "event");
        return new Case("wrong type: " + key, with(r, key, Garble.valueExcept(r, "string", "null")), key + " must be a string");
    }

    private static Case blank(Random r) {
        String key = field(r, "project", "event");
        String[] blanks = {"\"\"", "\" \"", "\"\\t\"", "\"\\n \""};
        return new Case("blank field: " + key, with(r, key, blanks[r.nextInt(blanks.length)]),
                key + " is required and must be a non-empty string");
    }

    private static Case emptyEventPart(Random r) {
        String name = Garble.word(r, 6) + "." + Garble.word(r, 6);
        String[] events = {"." + name, name + ".", name.replace(".", ".."), "." , name + "..x"};
        return new Case("wrong value: event with an empty part", with(r, "event", quote(events[r.nextInt(events.length)])),
                "event must be dot-separated names without empty parts");
    }

    private static Case permissionsNotAList(Random r) {
        return new Case("wrong type: permissions", with(r, "permissions", Garble.valueExcept(r, "array", "null")),
                "permissions is required and must be an array of strings");
    }

    private static Case permissionNotAString(Random r) {
        return new Case("wrong type: a permission", with(r, "permissions", "[\"read(\\\"any\\\")\"," + Garble.valueExcept(r, "string") + "]"),
                "permissions must hold only strings");
    }

    private static Case badPermission(Random r) {
        String[] permissions = {"any", "read(any)", "read(\"any\"", "READ(\"any\")", "read('any')", "view(\"any\")",
                "read(\"\")", "read(\"any\") extra", Garble.oddString(r, 20), "read(\"a\"b\")"};
        String permission = permissions[r.nextInt(permissions.length)];
        return new Case("bad permission string", with(r, "permissions", "[" + quote(permission) + "]"), "not a permission: ");
    }

    /** Only {@code read} roles are parsed as roles (other actions grant nothing), so the bad role is read's. */
    private static Case badRole(Random r) {
        String word = Garble.word(r, 8);
        String[] roles = {"nobody", "user:", "user:a/b/c", "user:a b", "team:", "team:t/r/x", "label:", "member:a:b",
                "users/admins", "Any", "guest", List.of("any", "guests", "users").contains(word) ? word + "s" : word,
                "user:u/verifiedx", "team:t/ro le"};
        String permissions = (r.nextBoolean() ? "\"read(\\\"any\\\")\"," : "") + quote("read(\"" + roles[r.nextInt(roles.length)] + "\")");
        return new Case("bad role", with(r, "permissions", "[" + permissions + "]"), "not a role: ");
    }

    private static Case payloadNotAnObject(Random r) {
        return new Case("wrong type: payload", with(r, "payload", Garble.valueExcept(r, "object", "null")), "payload must be a JSON object");
    }

    private static Case badTimestamp(Random r) {
        if (r.nextBoolean()) {
            return new Case("wrong type: timestamp", with(r, "timestamp", Garble.valueExcept(r, "string", "null")),
                    "timestamp must be an ISO-8601 string with an offset");
        }
        String[] values = {"yesterday", "2026-11-28", "2026-11-28T10:20:30", "2026-13-28T10:20:30Z", "1764325230",
                "2026-11-28 10:20:30+00:00", "", Garble.oddString(r, 20)};
        return new Case("wrong value: timestamp", with(r, "timestamp", quote(values[r.nextInt(values.length)])),
                "timestamp must be ISO-8601 with an offset");
    }

    private static Case badParent(Random r) {
        int kind = r.nextInt(3);
        if (kind == 0) {
            return new Case("wrong type: parent", with(r, "parent", Garble.valueExcept(r, "object", "null")),
                    "parent must be an object with permissions and security");
        }
        if (kind == 1) {
            String parent = r.nextBoolean() ? "{}" : "{\"permissions\":" + Garble.valueExcept(r, "array") + "}";
            return new Case("wrong value: parent.permissions", with(r, "parent", parent), "parent.permissions is required");
        }
        return new Case("wrong type: parent.security", with(r, "parent", "{\"permissions\":[],\"security\":"
                + Garble.valueExcept(r, "boolean") + "}"), "parent.security must be true or false");
    }

    /** Larger than {@code realtime.events.max-envelope-bytes} (1 MiB), in ASCII or in characters of 2 to 4 bytes. */
    private static Case huge(Random r) {
        String unit = field(r, "x", "é", "漢", "\ud83d\ude00");
        int bytes = Garble.utf8Length(unit);
        String pad = unit.repeat(MAX_BYTES / bytes + 1 + r.nextInt(20_000));
        return new Case("oversized", with(r, "payload", "{\"pad\":" + quote(pad) + "}"), "envelope is ");
    }

    private static Case tooDeep(Random r) {
        int depth = 1_100 + r.nextInt(50_000);
        return new Case("deep JSON: " + depth + " levels", with(r, "payload", "{\"deep\":" + Garble.nested(r, depth) + "}"), "not valid JSON");
    }

    private static Case hugeNumber(Random r) {
        return new Case("huge number", with(r, "payload", "{\"n\":" + Garble.hugeExponent(r) + "}"), "not valid JSON");
    }

    private static Case rawControl(Random r) {
        String value = "\"p" + Garble.control(r) + "\"";
        return new Case("control character unescaped", with(r, field(r, "project", "event"), value), "not valid JSON");
    }

    /** Valid envelopes of families Appwrite streams on no channel (docs/channels-and-events.md): they reach nobody. */
    private static Case unknownFamily(Random r) {
        String[] events = {"databases.d1.create", "buckets.b1.update", "functions.f1.delete", "messages.m1.create",
                "providers.p1.update", "topics.t1.create", "sites.s1.deployments.d1.create", "rules.r1.create",
                "z" + Garble.word(r, 8) + "." + Garble.word(r, 8) + ".create"};
        return new Case("valid, unknown family", with(r, "event", quote(events[r.nextInt(events.length)])), null);
    }
}
