package io.indobase.realtime.event;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One service event as a producer publishes it on the events topic.
 *
 * @param project   the project the resource belongs to
 * @param event     the concrete event name, e.g. {@code buckets.photos.files.f1.create}
 * @param payload   the resource as the REST API would return it
 * @param readRoles the roles that may read the resource, parsed from its read permissions
 * @param timestamp when the producer published it
 */
public record Envelope(String project, String event, JsonObject payload, Set<String> readRoles, Instant timestamp) {

    public Envelope {
        requireText(project, "project");
        requireText(event, "event");
        if (event.startsWith(".") || event.endsWith(".") || event.contains("..")) {
            throw new IllegalArgumentException("event must be dot-separated names without empty parts: " + event);
        }
        Objects.requireNonNull(payload, "payload");
        readRoles = Set.copyOf(readRoles);
        Objects.requireNonNull(timestamp, "timestamp");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required and must be a non-empty string");
        }
    }
}
