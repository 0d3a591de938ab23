package io.indobase.realtime.transport.protocol;

import static io.indobase.realtime.transport.protocol.ProtocolException.INVALID_MESSAGE;

import io.indobase.realtime.presence.PresencePermissions;
import io.indobase.realtime.presence.PresenceRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code presence} message: its parameters checked as Appwrite's dispatcher checks them, in order ({@code status}
 * required, {@code Text(2048)}; {@code presenceId} {@code Text(36)}; {@code metadata} anything; {@code permissions}
 * utopia's validator). A refusal is an error frame that keeps the socket open.
 */
final class PresenceMessages {

    private static final int STATUS_MAX = 2048;
    private static final int ID_MAX = 36;
    private static final Pattern ID = Pattern.compile("^(unique\\(\\)|[a-zA-Z0-9][a-zA-Z0-9._-]{0,35})$");

    private PresenceMessages() {
    }

    static ClientMessage.Presence parse(JsonValue data) {
        if (data == null || data.getValueType() != JsonValue.ValueType.OBJECT || !data.asJsonObject().containsKey("status")) {
            throw new ProtocolException(INVALID_MESSAGE, "Payload is not valid. Status is required");
        }
        JsonObject params = data.asJsonObject();
        String status = text(params.get("status"), "status", STATUS_MAX);
        String presenceId = PresenceRequest.UNIQUE;
        if (params.containsKey("presenceId")) {
            presenceId = text(params.get("presenceId"), "presenceId", ID_MAX);
            if (!ID.matcher(presenceId).matches()) {
                throw new ProtocolException(INVALID_MESSAGE, "presenceId: Value must be unique() or a valid ID: at most 36 "
                        + "chars of a-z, A-Z, 0-9, period, hyphen and underscore, not starting with a special char");
            }
        }
        JsonValue metadata = params.get("metadata");
        List<String> permissions = null;
        if (params.containsKey("permissions")) {
            try {
                permissions = PresencePermissions.validate(params.get("permissions"));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(INVALID_MESSAGE, "permissions: " + e.getMessage());
            }
        }
        return new ClientMessage.Presence(new PresenceRequest(status, presenceId,
                metadata == null || metadata.getValueType() == JsonValue.ValueType.NULL ? null : metadata, permissions));
    }

    /** utopia's {@code Text($max)} with its default minimum of one character. */
    private static String text(JsonValue value, String name, int max) {
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw textError(name, max);
        }
        String text = ((JsonString) value).getString();
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > max) {
            throw textError(name, max);
        }
        return text;
    }

    private static ProtocolException textError(String name, int max) {
        return new ProtocolException(INVALID_MESSAGE,
                name + ": Value must be a valid string and at least 1 chars and no longer than " + max + " chars");
    }
}
