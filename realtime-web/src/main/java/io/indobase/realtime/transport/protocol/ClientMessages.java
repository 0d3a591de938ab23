package io.indobase.realtime.transport.protocol;

import static io.indobase.realtime.transport.protocol.ProtocolException.INVALID_MESSAGE;

import io.indobase.realtime.json.StrictJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decodes client frames with Appwrite's validation and messages: a JSON object with {@code type} or {@code data},
 * a known type, a {@code subscribe}/{@code unsubscribe} batch validated whole before anything changes, and the
 * parameters of {@code authentication} and {@code presence}.
 */
public final class ClientMessages {

    /** Appwrite's CustomId: up to 36 chars of a-z, A-Z, 0-9, period, hyphen, underscore, not starting with a special char. */
    private static final Pattern CUSTOM_ID = Pattern.compile("^(unique\\(\\)|[a-zA-Z0-9][a-zA-Z0-9._-]{0,35})$");
    private static final int SESSION_MAX = 2048;
    private static final String ITEMS = "items";
    private static final String FORMAT = "Message format is not valid.";

    private ClientMessages() {
    }

    /** A binary frame's bytes: UTF-8 text, strictly (PHP's {@code json_decode} refuses bytes that are not UTF-8). */
    public static ClientMessage parse(ByteBuffer bytes) {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString());
        } catch (CharacterCodingException e) {
            throw new ProtocolException(INVALID_MESSAGE, FORMAT);
        }
    }

    public static ClientMessage parse(String text) {
        JsonObject message = object(text);
        JsonValue type = message.get("type");
        if (type == null || type.getValueType() != JsonValue.ValueType.STRING) {
            throw new ProtocolException(INVALID_MESSAGE, "Message type is not valid.");
        }
        JsonValue data = message.get("data");
        return switch (((JsonString) type).getString()) {
            case "ping" -> new ClientMessage.Ping();
            case "subscribe" -> subscribe(list(data));
            case "unsubscribe" -> unsubscribe(list(data));
            case "authentication" -> authentication(data);
            case "presence" -> PresenceMessages.parse(data);
            default -> throw new ProtocolException(INVALID_MESSAGE, "Message type is not valid.");
        };
    }

    private static JsonObject object(String text) {
        try {
            JsonValue value = StrictJson.parse(text);
            if (value.getValueType() == JsonValue.ValueType.OBJECT
                    && (value.asJsonObject().containsKey("type") || value.asJsonObject().containsKey("data"))) {
                return value.asJsonObject();
            }
        } catch (JsonException e) {
            // falls through to the format error
        }
        throw new ProtocolException(INVALID_MESSAGE, FORMAT);
    }

    /** A list-shaped payload: all of {@code data} is the {@code items} parameter. */
    private static JsonArray list(JsonValue data) {
        if (data == null || data.getValueType() == JsonValue.ValueType.NULL) {
            throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. Items is required");
        }
        if (data.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalidItems("Payload is not valid.");
        }
        return data.asJsonArray();
    }

    private static ClientMessage.Subscribe subscribe(JsonArray data) {
        List<ClientMessage.SubscribeItem> items = new ArrayList<>(data.size());
        for (JsonValue value : data) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalidItems("Each subscribe payload must be an object.");
            }
            JsonObject item = value.asJsonObject();
            String id = null;
            if (item.containsKey("subscriptionId")) {
                JsonValue rawId = item.get("subscriptionId");
                if (rawId.getValueType() != JsonValue.ValueType.STRING || !CUSTOM_ID.matcher(((JsonString) rawId).getString()).matches()) {
                    throw invalidItems("subscriptionId is not a valid id.");
                }
                id = ((JsonString) rawId).getString();
            }
            if (!item.containsKey("channels")) {
                throw invalidItems("channels is not present in payload.");
            }
            List<String> channels = strings(item.get("channels"), "channels");
            List<String> queries = item.containsKey("queries") ? strings(item.get("queries"), "queries") : List.of();
            items.add(new ClientMessage.SubscribeItem(id, channels, queries));
        }
        // queries are checked after the shapes of the whole batch, as Appwrite's handler does
        List<ClientMessage.SubscribeItem> checked = new ArrayList<>(items.size());
        for (ClientMessage.SubscribeItem item : items) {
            checked.add(new ClientMessage.SubscribeItem(item.subscriptionId(), item.channels(),
                    SubscriptionQueries.check(item.queries(), INVALID_MESSAGE)));
        }
        return new ClientMessage.Subscribe(checked);
    }

    private static ClientMessage.Unsubscribe unsubscribe(JsonArray data) {
        List<String> ids = new ArrayList<>(data.size());
        for (JsonValue value : data) {
            JsonValue id = value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject().get("subscriptionId") : null;
            if (id == null || id.getValueType() != JsonValue.ValueType.STRING || ((JsonString) id).getString().isEmpty()) {
                throw invalidItems("Each unsubscribe payload must include a non-empty subscriptionId.");
            }
            ids.add(((JsonString) id).getString());
        }
        return new ClientMessage.Unsubscribe(ids);
    }

    /** An object-shaped payload with one parameter, {@code session}: Appwrite's {@code Text(2048)}. */
    private static ClientMessage.Authenticate authentication(JsonValue data) {
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT || !data.asJsonObject().containsKey("session")) {
            throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. Session is required");
        }
        JsonValue session = data.asJsonObject().get("session");
        if (session.getValueType() != JsonValue.ValueType.STRING || ((JsonString) session).getString().isEmpty()
                || ((JsonString) session).getString().length() > SESSION_MAX) {
            throw new ProtocolException(INVALID_MESSAGE,
                    "session: Value must be a valid string and at least 1 chars and no longer than " + SESSION_MAX + " chars");
        }
        return new ClientMessage.Authenticate(((JsonString) session).getString());
    }

    private static List<String> strings(JsonValue value, String name) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalidItems(name + " is not a valid array.");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw invalidItems(name + " must contain only strings.");
            }
            strings.add(((JsonString) item).getString());
        }
        return strings;
    }

    private static ProtocolException invalidItems(String description) {
        return new ProtocolException(INVALID_MESSAGE, ITEMS + ": " + description);
    }
}
