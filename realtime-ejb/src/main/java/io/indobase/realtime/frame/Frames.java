package io.indobase.realtime.frame;

import static io.indobase.realtime.json.JsonKit.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collection;

/**
 * The server-to-client frames of the Appwrite Realtime protocol, as JSON text. Every frame is
 * {@code {"type": ..., "data": ...}}.
 */
public final class Frames {

    public static final String PONG = "{\"type\":\"pong\"}";

    private Frames() {
    }

    /**
     * @param subscriptions the subscription id of each URL slot: a list for slots 0..n-1, else an object by slot
     * @param user          the account model, or {@link JsonValue#NULL} for a guest
     */
    public static String connected(Collection<String> channels, JsonValue subscriptions, JsonValue user) {
        return frame("connected", JSON.createObjectBuilder()
                .add("channels", strings(channels))
                .add("subscriptions", subscriptions)
                .add("user", user == null ? JsonValue.NULL : user));
    }

    public static String error(int code, String message) {
        return frame("error", JSON.createObjectBuilder().add("code", code).add("message", message));
    }

    public static String response(String to, JsonObjectBuilder data) {
        return frame("response", JSON.createObjectBuilder().add("to", to).add("success", true).addAll(data));
    }

    public static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static String frame(String type, JsonObjectBuilder data) {
        JsonObject frame = JSON.createObjectBuilder().add("type", type).add("data", data).build();
        return frame.toString();
    }
}
