package io.indobase.realtime.testkit;

import static io.indobase.realtime.testkit.Garble.quote;

import io.indobase.realtime.testkit.BadFrames.Answer;
import io.indobase.realtime.testkit.BadFrames.Case;
import java.util.Random;

/**
 * {@code authentication} and {@code presence} messages that are refused, each with Appwrite's message
 * (docs/protocol.md): no session, a mistyped, empty, over-long or unknown one; a mistyped presence, a bad
 * {@code presenceId}, and a well-formed presence from a guest.
 */
final class BadSessionMessages {

    private BadSessionMessages() {
    }

    static Case authentication(Random r) {
        int kind = r.nextInt(3);
        if (kind == 0) {
            String data = r.nextBoolean() ? Garble.valueExcept(r, "object") : "{\"sessions\":\"x\"}";
            return Case.text("wrong shape: authentication", "{\"type\":\"authentication\",\"data\":" + data + "}",
                    Answer.invalid("Payload is not valid. Session is required"));
        }
        if (kind == 1) {
            String session = r.nextBoolean() ? Garble.valueExcept(r, "string") : r.nextBoolean() ? "\"\"" : quote("s".repeat(2049));
            return Case.text("wrong value: session", "{\"type\":\"authentication\",\"data\":{\"session\":" + session + "}}",
                    Answer.invalid("session: Value must be a valid string and at least 1 chars and no longer than 2048 chars"));
        }
        return Case.text("wrong value: a session nobody issued",
                "{\"type\":\"authentication\",\"data\":{\"session\":" + quote(Garble.oddString(r, 200)) + "}}",
                Answer.invalid("Session is not valid."));
    }

    static Case presence(Random r) {
        int kind = r.nextInt(4);
        if (kind == 0) {
            return Case.text("wrong shape: presence", "{\"type\":\"presence\",\"data\":" + Garble.valueExcept(r, "object") + "}",
                    Answer.invalid("Payload is not valid. Status is required"));
        }
        if (kind == 1) {
            String status = r.nextBoolean() ? Garble.valueExcept(r, "string") : "\"\"";
            return Case.text("wrong value: presence status", "{\"type\":\"presence\",\"data\":{\"status\":" + status + "}}",
                    Answer.invalid("status: Value must be a valid string"));
        }
        if (kind == 2) {
            return Case.text("wrong value: presenceId", "{\"type\":\"presence\",\"data\":{\"status\":\"on\",\"presenceId\":"
                    + quote("-" + Garble.word(r, 10)) + "}}", Answer.invalid("presenceId: Value must be unique() or a valid ID"));
        }
        // well formed, from a guest: Appwrite's refusal, the socket stays
        return Case.text("presence from a guest", "{\"type\":\"presence\",\"data\":{\"status\":" + quote(Garble.oddString(r, 40))
                + ",\"metadata\":" + Garble.nested(r, 1 + r.nextInt(50)) + "}}", Answer.error(401, "User must be authorized"));
    }
}
