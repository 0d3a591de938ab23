package io.indobase.realtime.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An event for the server to deliver (docs/envelope.md): the concrete event name, the resource as the REST API
 * returns it and its Appwrite permissions; the server derives the channels and wildcard names.
 *
 * @param timestamp when the change happened; null: when the server receives it
 */
public record Envelope(String project, String event, JsonObject payload, List<String> permissions, Instant timestamp) {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(ZoneOffset.UTC);

    public Envelope {
        if (project == null || project.isBlank()) {
            throw new IllegalArgumentException("an envelope needs a project");
        }
        if (event == null || event.isBlank() || event.contains("*")) {
            throw new IllegalArgumentException("an envelope needs a concrete event name such as buckets.b1.files.f1.create, got " + event);
        }
        payload = payload == null ? JsonObject.EMPTY_JSON_OBJECT : payload;
        permissions = List.copyOf(permissions);
    }

    /** An envelope readable by {@code roles} ({@code read("any")}, {@code read("users")}…), published now. */
    public static Envelope of(String project, String event, JsonObject payload, String... roles) {
        Objects.requireNonNull(roles, "roles");
        return new Envelope(project, event, payload, Arrays.stream(roles).map(r -> "read(\"" + r + "\")").toList(), null);
    }

    public String toJson() {
        JsonObjectBuilder json = Protocol.JSON.createObjectBuilder().add("project", project).add("event", event)
                .add("payload", payload).add("permissions", Protocol.JSON.createArrayBuilder(permissions));
        if (timestamp != null) {
            json.add("timestamp", ISO_MILLIS.format(timestamp));
        }
        return json.build().toString();
    }
}
