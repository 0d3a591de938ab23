package io.indobase.realtime.client;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** The frames of the wire protocol (docs/protocol.md) that the client writes and reads. */
final class Protocol {

    static final JsonProvider JSON = JsonProvider.provider();
    static final String PING = "{\"type\":\"ping\"}";

    private Protocol() {
    }

    /**
     * The socket's address: {@code <endpoint>/realtime?project=P}, with {@code ws} for {@code http} and {@code wss}
     * for {@code https}, and {@code lastEventId} when resuming.
     */
    static URI socketUri(URI endpoint, String project, String lastEventId) {
        String scheme = switch (endpoint.getScheme()) {
            case "http", "ws" -> "ws";
            case "https", "wss" -> "wss";
            default -> throw new IllegalArgumentException("the endpoint must be http(s) or ws(s): " + endpoint);
        };
        String base = endpoint.toString().substring(endpoint.getScheme().length()).replaceAll("/+$", "");
        String query = "?project=" + encode(project) + (lastEventId == null ? "" : "&lastEventId=" + encode(lastEventId));
        return URI.create(scheme + base + "/realtime" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String subscribe(Collection<Subscription> subscriptions) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (Subscription subscription : subscriptions) {
            items.add(JSON.createObjectBuilder()
                    .add("subscriptionId", subscription.id())
                    .add("channels", JSON.createArrayBuilder(subscription.channels()))
                    .add("queries", JSON.createArrayBuilder(subscription.queries())));
        }
        return message("subscribe", items.build());
    }

    static String unsubscribe(String subscriptionId) {
        return message("unsubscribe", JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("subscriptionId", subscriptionId)).build());
    }

    private static String message(String type, JsonValue data) {
        return JSON.createObjectBuilder().add("type", type).add("data", data).build().toString();
    }

    /** @throws RealtimeException when the text is not a JSON object with a string {@code type} */
    static JsonObject parse(String text) {
        try {
            JsonObject frame = JSON.createReader(new StringReader(text)).readObject();
            frame.getString("type");
            return frame;
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new RealtimeException(0, "The server sent a frame that is not a protocol frame: " + shorten(text));
        }
    }

    static RealtimeEvent event(JsonObject frame) {
        JsonObject data = frame.getJsonObject("data");
        try {
            return new RealtimeEvent(frame.getString("id", ""), strings(data.getJsonArray("events")),
                    strings(data.getJsonArray("channels")),
                    OffsetDateTime.parse(data.getString("timestamp")).toInstant(),
                    data.getJsonObject("payload"), strings(data.getJsonArray("subscriptions")));
        } catch (RuntimeException e) {
            throw new RealtimeException(0, "The server sent an event frame the client cannot read ("
                    + e.getMessage() + "): " + shorten(frame.toString()));
        }
    }

    static Resumption resumption(JsonObject data) {
        return new Resumption(data.getString("lastEventId", ""), data.getBoolean("resumed", false),
                data.getInt("replayed", 0), data.getString("reason", ""));
    }

    static RealtimeException error(JsonObject data) {
        return new RealtimeException(data.getInt("code", 0), data.getString("message", ""));
    }

    static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
