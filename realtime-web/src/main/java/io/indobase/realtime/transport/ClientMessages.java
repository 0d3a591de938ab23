package io.indobase.realtime.transport;

import static io.indobase.realtime.transport.ProtocolException.INVALID_MESSAGE;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decodes client frames with Appwrite's validation: a JSON object with {@code type} or {@code data}, a known type,
 * and a {@code subscribe}/{@code unsubscribe} batch validated whole before anything changes.
 */
public final class ClientMessages {

    /** Appwrite's CustomId: up to 36 chars of a-z, A-Z, 0-9, period, hyphen, underscore, not starting with a special char. */
    private static final Pattern CUSTOM_ID = Pattern.compile("^(unique\\(\\)|[a-zA-Z0-9][a-zA-Z0-9._-]{0,35})$");
    static final String SELECT_ALL = "{\"method\":\"select\",\"values\":[\"*\"]}";
    private static final int SESSION_MAX = 2048;

    private ClientMessages() {
    }

    public static ClientMessage parse(String text) {
        JsonObject message = object(text);
        JsonValue type = message.get("type");
        if (type == null || type.getValueType() != JsonValue.ValueType.STRING) {
            throw new ProtocolException(INVALID_MESSAGE, "Message type is not valid.");
        }
        return switch (((JsonString) type).getString()) {
            case "ping" -> new ClientMessage.Ping();
            case "subscribe" -> subscribe(list(message));
            case "unsubscribe" -> unsubscribe(list(message));
            case "authentication" -> authentication(message.get("data"));
            case "presence" -> new ClientMessage.Unsupported(((JsonString) type).getString());
            default -> throw new ProtocolException(INVALID_MESSAGE, "Message type is not valid.");
        };
    }

    private static JsonObject object(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT
                    && (value.asJsonObject().containsKey("type") || value.asJsonObject().containsKey("data"))) {
                return value.asJsonObject();
            }
        } catch (JsonException | IllegalStateException e) {
            // falls through to the format error
        }
        throw new ProtocolException(INVALID_MESSAGE, "Message format is not valid.");
    }

    private static JsonArray list(JsonObject message) {
        JsonValue data = message.get("data");
        if (data == null || data.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. Data must be an array.");
        }
        return data.asJsonArray();
    }

    private static ClientMessage.Subscribe subscribe(JsonArray data) {
        List<ClientMessage.SubscribeItem> items = new ArrayList<>(data.size());
        for (JsonValue value : data) {
            JsonObject item = item(value);
            String id = null;
            JsonValue rawId = item.get("subscriptionId");
            if (rawId != null && rawId.getValueType() != JsonValue.ValueType.NULL) {
                if (rawId.getValueType() != JsonValue.ValueType.STRING || !CUSTOM_ID.matcher(((JsonString) rawId).getString()).matches()) {
                    throw new ProtocolException(INVALID_MESSAGE, "subscriptionId: Parameter must contain at most 36 chars. "
                            + "Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char");
                }
                id = ((JsonString) rawId).getString();
            }
            List<String> channels = strings(item.get("channels"), "channels", true);
            List<String> queries = queries(strings(item.get("queries"), "queries", false), INVALID_MESSAGE);
            items.add(new ClientMessage.SubscribeItem(id, channels, queries));
        }
        return new ClientMessage.Subscribe(items);
    }

    /**
     * Validates a subscription's queries; none means select everything.
     *
     * @param code the error code of a rejection: 1003 in a message, 1008 (closing) in the handshake URL
     * @return the queries to store and echo, in utopia's canonical JSON
     */
    static List<String> queries(List<String> queries, int code) {
        for (String query : queries) {
            if (!selectsAll(query)) {
                throw new ProtocolException(code, "Invalid query: " + query
                        + ". Only select([\"*\"]) is supported by this server yet; filters arrive with query support.");
            }
        }
        return List.of(SELECT_ALL);
    }

    private static ClientMessage.Authenticate authentication(JsonValue data) {
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. Session is required");
        }
        JsonValue session = data.asJsonObject().get("session");
        if (session == null || session.getValueType() == JsonValue.ValueType.NULL) {
            throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. Session is required");
        }
        if (session.getValueType() != JsonValue.ValueType.STRING || ((JsonString) session).getString().isEmpty()
                || ((JsonString) session).getString().length() > SESSION_MAX) {
            throw new ProtocolException(INVALID_MESSAGE,
                    "session: Value must be a valid string and at least 1 chars and no longer than " + SESSION_MAX + " chars");
        }
        return new ClientMessage.Authenticate(((JsonString) session).getString());
    }

    /** A query that filters nothing: {@code select(["*"])} in utopia's JSON form, whatever else it carries. */
    private static boolean selectsAll(String query) {
        try (JsonReader reader = Json.createReader(new StringReader(query))) {
            JsonObject json = reader.readObject();
            JsonArray values = json.getJsonArray("values");
            return "select".equals(json.getString("method", null))
                    && values != null && values.size() == 1 && "*".equals(values.getString(0, null));
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return false;
        }
    }

    private static ClientMessage.Unsubscribe unsubscribe(JsonArray data) {
        List<String> ids = new ArrayList<>(data.size());
        for (JsonValue value : data) {
            JsonValue id = item(value).get("subscriptionId");
            if (id == null || id.getValueType() != JsonValue.ValueType.STRING || ((JsonString) id).getString().isEmpty()) {
                throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. subscriptionId is required and must be a non-empty string.");
            }
            ids.add(((JsonString) id).getString());
        }
        return new ClientMessage.Unsubscribe(ids);
    }

    private static JsonObject item(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. Each item must be an object.");
        }
        return value.asJsonObject();
    }

    private static List<String> strings(JsonValue value, String name, boolean required) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. " + name + " is required.");
            }
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. " + name + " must be an array of strings.");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. " + name + " must be an array of strings.");
            }
            strings.add(((JsonString) item).getString());
        }
        return strings;
    }
}
