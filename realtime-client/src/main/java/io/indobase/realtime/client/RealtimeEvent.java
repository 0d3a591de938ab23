package io.indobase.realtime.client;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One {@code event} frame.
 *
 * @param id            the event's id, the same on every node fed by one broker; the client resumes from the last
 *                      one it queued
 * @param events        every wildcard name of the event, most specific first ({@code buckets.b1.files.f1.create},
 *                      {@code buckets.*.files.*.create}…)
 * @param channels      every channel the event is published on
 * @param timestamp     when the producer published it
 * @param payload       the resource
 * @param subscriptions the ids of this client's subscriptions that matched
 */
public record RealtimeEvent(String id, List<String> events, List<String> channels, Instant timestamp,
                            JsonObject payload, List<String> subscriptions) {

    public RealtimeEvent {
        Objects.requireNonNull(id, "id");
        events = List.copyOf(events);
        channels = List.copyOf(channels);
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
        subscriptions = List.copyOf(subscriptions);
    }

    /** The concrete event name, e.g. {@code buckets.b1.files.f1.create}. */
    public String name() {
        return events.isEmpty() ? "" : events.get(0);
    }
}
