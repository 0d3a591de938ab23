package io.indobase.realtime.frame;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.json.JsonKit;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The {@code event} frame of one envelope. Everything but {@code subscriptions} is encoded once, when the frame
 * is built; {@link #withSubscriptions} only appends the matched ids, so each distinct recipient group (in practice
 * each connection: subscription ids are per connection) costs one string copy. The event id, when there is one,
 * is a member of the frame beside {@code type} and {@code data}, where the Appwrite SDKs do not look.
 */
public final class EventFrame {

    /** Appwrite's {@code Y-m-d\TH:i:s.vP}: milliseconds and a {@code +00:00} offset. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private final String head;

    public EventFrame(Envelope envelope, List<String> events, List<String> channels) {
        this(null, envelope, events, channels);
    }

    /** @param id the event id clients resume from, or null for none */
    public EventFrame(String id, Envelope envelope, List<String> events, List<String> channels) {
        String data = JSON.createObjectBuilder()
                .add("events", Frames.strings(events))
                .add("channels", Frames.strings(channels))
                .add("timestamp", TIMESTAMP.format(envelope.timestamp()))
                .add("payload", envelope.payload())
                .build().toString();
        // data ends with '}': reopen it to append the per-group subscriptions
        String type = id == null ? "{\"type\":\"event\"," : "{\"type\":\"event\",\"id\":" + JSON.createValue(id) + ",";
        this.head = type + "\"data\":" + data.substring(0, data.length() - 1) + ",\"subscriptions\":";
    }

    /** The characters every copy of this frame has, before its subscription ids. */
    public int length() {
        return head.length();
    }

    /** What every copy of this frame starts with: all but its {@link #tail}. */
    public String head() {
        return head;
    }

    /**
     * The event's payload, parsed back from the encoded frame: for the rare reader that needs it after the envelope
     * is gone (a resume filtering by queries), so nobody has to keep the parsed tree.
     */
    public JsonObject payload() {
        try (JsonReader reader = JSON.createReader(new StringReader(head + "[]}}"))) {
            return reader.readObject().getJsonObject("data").getJsonObject("payload");
        }
    }

    /** The whole frame for one recipient group: the shared head, the group's ids, and the closing braces. */
    public String withSubscriptions(List<String> subscriptionIds) {
        return withTail(tail(subscriptionIds));
    }

    /** The whole frame for a recipient whose {@link #tail} is made already (one copy of the head). */
    public String withTail(String tail) {
        return head.concat(tail);
    }

    /** What follows the head in a frame for these subscription ids: the ids, and the closing braces. */
    public static String tail(List<String> subscriptionIds) {
        StringBuilder tail = new StringBuilder(40 * subscriptionIds.size() + 4).append('[');
        for (int i = 0; i < subscriptionIds.size(); i++) {
            if (i > 0) {
                tail.append(',');
            }
            JsonKit.quote(subscriptionIds.get(i), tail);
        }
        return tail.append("]}}").toString();
    }
}
