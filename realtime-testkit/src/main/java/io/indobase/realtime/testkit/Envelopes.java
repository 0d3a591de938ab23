package io.indobase.realtime.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/** Builds event envelopes as producers publish them (docs/envelope.md). */
public final class Envelopes {

    private Envelopes() {
    }

    /** A file-create envelope in {@code project} for file {@code fileId}, readable by the given roles. */
    public static String fileCreated(String project, String fileId, String... readRoles) {
        JsonArrayBuilder permissions = Json.createArrayBuilder();
        for (String role : readRoles) {
            permissions.add("read(\"" + role + "\")");
        }
        return Json.createObjectBuilder()
                .add("project", project)
                .add("event", "buckets.photos.files." + fileId + ".create")
                .add("payload", Json.createObjectBuilder().add("$id", fileId).add("bucketId", "photos").add("name", fileId + ".jpg"))
                .add("permissions", permissions)
                .add("timestamp", "2026-11-28T10:20:30.123+00:00")
                .build().toString();
    }

    /** An envelope of any event, with the payload given as JSON text, readable by the given roles. */
    public static String of(String project, String event, String payload, String... readRoles) {
        JsonArrayBuilder permissions = Json.createArrayBuilder();
        for (String role : readRoles) {
            permissions.add("read(\"" + role + "\")");
        }
        return Json.createObjectBuilder()
                .add("project", project)
                .add("event", event)
                .add("payload", Json.createReader(new java.io.StringReader(payload)).readObject())
                .add("permissions", permissions)
                .build().toString();
    }
}
