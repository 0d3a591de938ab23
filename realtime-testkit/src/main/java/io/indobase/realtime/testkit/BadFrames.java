package io.indobase.realtime.testkit;

import static io.indobase.realtime.testkit.Garble.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded generator of client messages that break the protocol, each with the answer docs/protocol.md gives it:
 * broken, trailing, deep and huge JSON, wrong types in every field, unknown types, raw control characters, bad
 * queries ({@link BadQueries}), caps, and odd but valid input (channel names with any character, pings carrying
 * junk) that must be accepted. Every text fits a 64,000-byte frame. The same seed gives the same corpus.
 */
public final class BadFrames {

    public static final String FORMAT = "Message format is not valid.";
    public static final String TYPE = "Message type is not valid.";
    static final String ITEMS_REQUIRED = "Payload is not valid. Items is required";

    /** The answer a message must get: an error frame with its code and the start of its message, or a pong or response. */
    public record Answer(String type, int code, String messageStart) {

        public static final Answer PONG = new Answer("pong", 0, "");
        /** A {@code response} to {@code subscribe} listing the requested channels. */
        public static final Answer SUBSCRIBED = new Answer("response", 0, "subscribe");

        public static Answer error(int code, String messageStart) {
            return new Answer("error", code, messageStart);
        }

        public static Answer invalid(String messageStart) {
            return error(1003, messageStart);
        }
    }

    /**
     * One generated message.
     *
     * @param binary sent as a binary frame (the server reads its bytes as UTF-8 text)
     * @param bytes  the frame's bytes when {@code binary}, which need not be UTF-8; else null
     */
    public record Case(String category, String text, byte[] bytes, boolean binary, Answer answer) {

        static Case text(String category, String text, Answer answer) {
            return new Case(category, text, null, false, answer);
        }

        @Override
        public String toString() {
            String shown = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
            return category + (binary ? " (binary)" : "") + ": " + shown.replace("\n", "\\n");
        }
    }

    private static final List<String> VALID = List.of(
            "{\"type\":\"ping\"}",
            "{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"s1\",\"channels\":[\"files\"],\"queries\":[]}]}",
            "{\"type\":\"unsubscribe\",\"data\":[{\"subscriptionId\":\"s1\"}]}",
            "{\"type\":\"authentication\",\"data\":{\"session\":\"abc\"}}",
            "{\"type\":\"presence\",\"data\":{\"status\":\"online\"}}");

    private static final List<Function<Random, Case>> CATEGORIES = List.of(
            BadFrames::truncated, BadFrames::trailing, BadFrames::junk, BadFrames::notAnObject, BadFrames::noTypeNorData,
            BadFrames::tooDeep, BadFrames::hugeNumber, BadFrames::rawControl, BadFrames::badEscape, BadFrames::typeNotAString,
            BadFrames::unknownType, BadFrames::itemsMissing, BadFrames::itemsNotAList, BadFrames::itemNotAnObject,
            BadFrames::badSubscriptionId, BadFrames::channelsMissing, BadFrames::channelsNotAList, BadFrames::channelNotAString,
            BadFrames::queriesWrong, BadFrames::badUnsubscribe, BadSessionMessages::authentication, BadSessionMessages::presence,
            BadFrames::tooMany, BadFrames::oddChannels, BadFrames::oddPing, BadFrames::binary, BadFrames::binaryNotUtf8,
            BadQueries::syntax, BadQueries::notAnArray, BadQueries::badMethod, BadQueries::unsupportedMethod,
            BadQueries::badAttributeOrValues, BadQueries::tooDeep, BadQueries::badSelectOrBetween, BadQueries::infinite);

    private BadFrames() {
    }

    /** {@code count} messages, the categories in turn, each with random parameters from {@code seed}. */
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

    private static String valid(Random random) {
        return VALID.get(random.nextInt(VALID.size()));
    }

    /** A subscribe message of the given items (JSON texts), a valid item before them at random. */
    static String subscribe(Random random, String... items) {
        String first = random.nextBoolean() ? "{\"subscriptionId\":\"ok\",\"channels\":[\"files\"]}," : "";
        return "{\"type\":\"subscribe\",\"data\":[" + first + String.join(",", items) + "]}";
    }

    private static Case truncated(Random r) {
        String message = valid(r);
        return Case.text("broken JSON: truncated", message.substring(0, 1 + r.nextInt(message.length() - 1)), Answer.invalid(FORMAT));
    }

    private static Case trailing(Random r) {
        String junk = r.nextBoolean() ? Garble.junk(r) : r.nextBoolean() ? "{}" : "," + valid(r);
        return Case.text("broken JSON: trailing content", valid(r) + (r.nextBoolean() ? " " : "") + junk, Answer.invalid(FORMAT));
    }

    private static Case junk(Random r) {
        String[] notJson = {Garble.junk(r), "{'type':'ping'}", "{type:\"ping\"}", "{\"type\":\"ping\",}", "{\"type\" \"ping\"}",
                "{\"type\":\"ping\"", "{\"type\":ping}", "{\"type\":\"ping\",\"data\":NaN}", "[" + Garble.junk(r), " ", ""};
        return Case.text("broken JSON: not JSON", notJson[r.nextInt(notJson.length)], Answer.invalid(FORMAT));
    }

    private static Case notAnObject(Random r) {
        String[] values = {Garble.valueExcept(r, "object"), "[" + valid(r) + "]", quote(valid(r))};
        return Case.text("wrong type: not an object", values[r.nextInt(values.length)], Answer.invalid(FORMAT));
    }

    private static Case noTypeNorData(Random r) {
        String key = r.nextBoolean() ? Garble.word(r, 6) : "Type";
        String text = r.nextInt(4) == 0 ? "{}" : "{" + quote(key.equals("type") || key.equals("data") ? "typ" : key) + ":\"ping\"}";
        return Case.text("wrong shape: neither type nor data", text, Answer.invalid(FORMAT));
    }

    /** Parsers stop at 1,000 levels (a message deeper than that is not valid JSON to the server); Appwrite's PHP at 512. */
    private static Case tooDeep(Random r) {
        int depth = 1_100 + r.nextInt(29_000);
        return Case.text("deep JSON: " + depth + " levels", "{\"type\":\"ping\",\"data\":" + Garble.nested(r, depth) + "}",
                Answer.invalid(FORMAT));
    }

    private static Case hugeNumber(Random r) {
        String number = Garble.hugeExponent(r);
        String[] texts = {"{\"type\":\"ping\",\"data\":" + number + "}", "{\"type\":" + number + "}",
                "{\"type\":\"subscribe\",\"data\":[{\"channels\":[" + number + "]}]}"};
        return Case.text("huge number", texts[r.nextInt(texts.length)], Answer.invalid(FORMAT));
    }

    private static Case rawControl(Random r) {
        String message = valid(r);
        int inside = message.indexOf('"', 2) + 3 + r.nextInt(3); // inside the first value (after {"type":"), never in white space
        return Case.text("control character unescaped", message.substring(0, inside) + Garble.control(r) + message.substring(inside),
                Answer.invalid(FORMAT));
    }

    private static Case badEscape(Random r) {
        String[] escapes = {"\\x41", "\\u12", "\\uZZZZ", "\\ ", "\\'", "\\a"};
        return Case.text("bad escape", "{\"type\":\"pi" + escapes[r.nextInt(escapes.length)] + "ng\"}", Answer.invalid(FORMAT));
    }

    private static Case typeNotAString(Random r) {
        String text = r.nextInt(5) == 0 ? "{\"data\":" + Garble.valueExcept(r) + "}"
                : "{\"type\":" + Garble.valueExcept(r, "string") + ",\"data\":{}}";
        return Case.text("wrong type: type", text, Answer.invalid(TYPE));
    }

    private static Case unknownType(Random r) {
        String[] near = {"Ping", "PING", " ping", "ping ", "subscribe\u0000", "pingg", "pong", "event", "error", "response", "connected"};
        String type = r.nextBoolean() ? near[r.nextInt(near.length)] : Garble.oddString(r, 30);
        if (List.of("ping", "subscribe", "unsubscribe", "authentication", "presence").contains(type)) {
            type = type + "x";
        }
        return Case.text("unknown type", "{\"type\":" + quote(type) + ",\"data\":{}}", Answer.invalid(TYPE));
    }

    private static Case itemsMissing(Random r) {
        String type = r.nextBoolean() ? "subscribe" : "unsubscribe";
        String text = r.nextBoolean() ? "{\"type\":\"" + type + "\"}" : "{\"type\":\"" + type + "\",\"data\":null}";
        return Case.text("wrong shape: data missing", text, Answer.invalid(ITEMS_REQUIRED));
    }

    private static Case itemsNotAList(Random r) {
        String type = r.nextBoolean() ? "subscribe" : "unsubscribe";
        return Case.text("wrong type: data", "{\"type\":\"" + type + "\",\"data\":" + Garble.valueExcept(r, "array", "null") + "}",
                Answer.invalid("items: Payload is not valid."));
    }

    private static Case itemNotAnObject(Random r) {
        return Case.text("wrong type: subscribe item", subscribe(r, Garble.valueExcept(r, "object")),
                Answer.invalid("items: Each subscribe payload must be an object."));
    }

    private static Case badSubscriptionId(Random r) {
        String[] ids = {Garble.valueExcept(r, "string"), "\"\"", quote("-" + Garble.word(r, 8)), quote("a".repeat(37)),
                quote(Garble.word(r, 5) + "/" + Garble.word(r, 5)), quote("." + Garble.word(r, 5)), quote("é" + Garble.word(r, 3))};
        return Case.text("wrong value: subscriptionId",
                subscribe(r, "{\"subscriptionId\":" + ids[r.nextInt(ids.length)] + ",\"channels\":[\"files\"]}"),
                Answer.invalid("items: subscriptionId is not a valid id."));
    }

    private static Case channelsMissing(Random r) {
        String item = r.nextBoolean() ? "{}" : "{\"channel\":[\"files\"],\"queries\":[]}";
        return Case.text("wrong shape: channels missing", subscribe(r, item), Answer.invalid("items: channels is not present in payload."));
    }

    private static Case channelsNotAList(Random r) {
        return Case.text("wrong type: channels", subscribe(r, "{\"channels\":" + Garble.valueExcept(r, "array") + "}"),
                Answer.invalid("items: channels is not a valid array."));
    }

    private static Case channelNotAString(Random r) {
        return Case.text("wrong type: a channel", subscribe(r, "{\"channels\":[\"files\"," + Garble.valueExcept(r, "string") + "]}"),
                Answer.invalid("items: channels must contain only strings."));
    }

    private static Case queriesWrong(Random r) {
        boolean list = r.nextBoolean();
        String queries = list ? "[" + Garble.valueExcept(r, "string") + "]" : Garble.valueExcept(r, "array");
        return Case.text("wrong type: queries", subscribe(r, "{\"channels\":[\"files\"],\"queries\":" + queries + "}"),
                Answer.invalid(list ? "items: queries must contain only strings." : "items: queries is not a valid array."));
    }

    private static Case badUnsubscribe(Random r) {
        String[] items = {Garble.valueExcept(r, "object"), "{}", "{\"subscriptionId\":\"\"}",
                "{\"subscriptionId\":" + Garble.valueExcept(r, "string") + "}"};
        String data = (r.nextBoolean() ? "{\"subscriptionId\":\"ok\"}," : "") + items[r.nextInt(items.length)];
        return Case.text("wrong value: unsubscribe item", "{\"type\":\"unsubscribe\",\"data\":[" + data + "]}",
                Answer.invalid("items: Each unsubscribe payload must include a non-empty subscriptionId."));
    }

    private static Case tooMany(Random r) {
        int kind = r.nextInt(3);
        StringBuilder items = new StringBuilder();
        if (kind == 0) {
            int n = 501 + r.nextInt(300);
            for (int i = 0; i < n; i++) {
                items.append(i == 0 ? "" : ",").append(quote("c" + i));
            }
            return Case.text("over a cap: channels", "{\"type\":\"subscribe\",\"data\":[{\"channels\":[" + items + "]}]}",
                    Answer.error(1013, "Too many channels"));
        }
        if (kind == 1) {
            int n = 101 + r.nextInt(200);
            for (int i = 0; i < n; i++) {
                items.append(i == 0 ? "" : ",").append("{\"subscriptionId\":\"s").append(i).append("\",\"channels\":[\"files\"]}");
            }
            return Case.text("over a cap: subscriptions", "{\"type\":\"subscribe\",\"data\":[" + items + "]}",
                    Answer.error(1013, "Too many subscriptions"));
        }
        int n = 501 + r.nextInt(200);
        for (int i = 0; i < n; i++) {
            items.append(i == 0 ? "" : ",").append(quote("{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[" + i + "]}"));
        }
        return Case.text("over a cap: queries", "{\"type\":\"subscribe\",\"data\":[{\"channels\":[\"files\"],\"queries\":[" + items + "]}]}",
                Answer.error(1013, "Too many queries"));
    }

    /** Channels are exact strings: any character is accepted and echoed (nothing is ever published on them). */
    private static Case oddChannels(Random r) {
        List<String> channels = new ArrayList<>();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            channels.add(quote(r.nextInt(10) == 0 ? "x".repeat(1 + r.nextInt(10_000)) : Garble.oddString(r, 40)));
        }
        return Case.text("odd but valid: channel names", "{\"type\":\"subscribe\",\"data\":[{\"channels\":[" + String.join(",", channels)
                + "]}]}", Answer.SUBSCRIBED);
    }

    private static Case oddPing(Random r) {
        String[] data = {Garble.valueExcept(r), Garble.nested(r, 1 + r.nextInt(900)), quote("x".repeat(r.nextInt(60_000))),
                quote(Garble.oddString(r, 500))};
        String extra = r.nextBoolean() ? "," + quote(Garble.oddString(r, 10)) + ":" + Garble.valueExcept(r) : "";
        return Case.text("odd but valid: ping with any data", "{\"type\":\"ping\",\"data\":" + data[r.nextInt(data.length)] + extra + "}",
                Answer.PONG);
    }

    private static Case binary(Random r) {
        Case inner = r.nextBoolean() ? oddPing(r) : truncated(r);
        return new Case("binary frame: " + inner.category(), inner.text(),
                inner.text().getBytes(java.nio.charset.StandardCharsets.UTF_8), true, inner.answer());
    }

    /** A binary frame whose bytes are not UTF-8, even inside a string: PHP's json_decode refuses it. */
    private static Case binaryNotUtf8(Random r) {
        byte[] head = "{\"type\":\"ping\",\"data\":\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = Garble.invalidUtf8(r);
        byte[] tail = "\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(bad, 0, bytes, head.length, bad.length);
        System.arraycopy(tail, 0, bytes, head.length + bad.length, tail.length);
        return new Case("binary frame: not UTF-8", "{\"type\":\"ping\",\"data\":\"<bytes " + java.util.HexFormat.of().formatHex(bad)
                + ">\"}", bytes, true, Answer.invalid(FORMAT));
    }
}
