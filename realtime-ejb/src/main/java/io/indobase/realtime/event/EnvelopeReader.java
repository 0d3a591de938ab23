package io.indobase.realtime.event;

import io.indobase.realtime.json.StrictJson;
import io.indobase.realtime.permission.Permissions;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Decodes the JSON envelope documented in {@code docs/envelope.md}. */
public final class EnvelopeReader {

    private EnvelopeReader() {
    }

    /**
     * @param text the message body
     * @param now  the time to stamp when the producer sent no timestamp
     * @throws MalformedEnvelopeException with a reason a producer can act on
     */
    public static Envelope read(String text, Instant now) {
        return read(text, now, Integer.MAX_VALUE);
    }

    /**
     * As {@link #read(String, Instant)}, refusing a body of more than {@code maxBytes} bytes of UTF-8
     * ({@code realtime.events.max-envelope-bytes}).
     */
    public static Envelope read(String text, Instant now, int maxBytes) {
        if (text != null && text.length() > maxBytes / 3) {
            long bytes = utf8Length(text);
            if (bytes > maxBytes) {
                throw new MalformedEnvelopeException("envelope is " + bytes + " bytes, over realtime.events.max-envelope-bytes ("
                        + maxBytes + ")");
            }
        }
        JsonObject json = parse(text);
        try {
            return new Envelope(
                    string(json, "project"),
                    string(json, "event"),
                    payload(json),
                    readRoles(json),
                    timestamp(json, now));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEnvelopeException(e.getMessage(), e);
        }
    }

    private static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedEnvelopeException("empty message body");
        }
        JsonValue value;
        try {
            // strict: one value and nothing after it, so two envelopes sent as one message are refused, not half read
            value = StrictJson.parse(text);
        } catch (JsonException e) {
            throw new MalformedEnvelopeException("not valid JSON: " + e.getMessage(), e);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedEnvelopeException("envelope must be a JSON object, got " + value.getValueType());
        }
        return value.asJsonObject();
    }

    /** UTF-8 length of a string (a lone surrogate counts three bytes). */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String string(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new MalformedEnvelopeException(key + " is required");
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedEnvelopeException(key + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static JsonObject payload(JsonObject json) {
        JsonValue value = json.get("payload");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedEnvelopeException("payload must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static Set<String> readRoles(JsonObject json) {
        List<String> own = permissions(json, "permissions");
        JsonValue parent = json.get("parent");
        if (parent == null || parent.getValueType() == JsonValue.ValueType.NULL) {
            return Permissions.readRoles(own);
        }
        if (parent.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedEnvelopeException("parent must be an object with permissions and security");
        }
        JsonValue security = parent.asJsonObject().getOrDefault("security", JsonValue.FALSE);
        if (security.getValueType() != JsonValue.ValueType.TRUE && security.getValueType() != JsonValue.ValueType.FALSE) {
            throw new MalformedEnvelopeException("parent.security must be true or false");
        }
        List<String> parentPermissions = permissions(parent.asJsonObject(), "parent.permissions");
        return Permissions.readRoles(own, parentPermissions, security.getValueType() == JsonValue.ValueType.TRUE);
    }

    private static List<String> permissions(JsonObject json, String key) {
        JsonValue value = json.get(key.substring(key.lastIndexOf('.') + 1));
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new MalformedEnvelopeException(key + " is required and must be an array of strings such as read(\"any\")");
        }
        JsonArray array = value.asJsonArray();
        List<String> permissions = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new MalformedEnvelopeException(key + " must hold only strings");
            }
            permissions.add(((JsonString) item).getString());
        }
        return permissions;
    }

    private static Instant timestamp(JsonObject json, Instant now) {
        JsonValue value = json.get("timestamp");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return now;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedEnvelopeException("timestamp must be an ISO-8601 string with an offset");
        }
        try {
            return OffsetDateTime.parse(((JsonString) value).getString()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEnvelopeException("timestamp must be ISO-8601 with an offset, e.g. 2026-05-01T10:20:30.123+00:00", e);
        }
    }
}
