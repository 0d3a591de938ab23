package io.indobase.realtime.presence;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.event.EventReceived;
import io.indobase.realtime.frame.EventFrame;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;

/**
 * The messages presence travels in: envelopes on the events topic ({@code presences.<id>.upsert} and
 * {@code .delete}, exactly like any producer's event, so every node delivers them to its readers), the nodes'
 * renewals (project {@value EventReceived#PRESENCE_PROJECT}, never delivered to clients), the events a node
 * announces to its own clients only, and the {@code response} frame to the sender.
 */
final class PresenceEvents {

    static final String UPSERT = "upsert";
    static final String UPDATE = "update";
    static final String DELETE = "delete";
    private static final String PREFIX = "presences.";
    private static final String SYNC = ".sync";

    private PresenceEvents() {
    }

    static JsonObject envelope(String project, String action, JsonObject document, Instant now) {
        return JSON.createObjectBuilder()
                .add("project", project)
                .add("event", PREFIX + document.getString("$id") + "." + action)
                .add("payload", document)
                .add("permissions", document.getOrDefault("$permissions", JsonValue.EMPTY_JSON_ARRAY))
                .add("timestamp", EventFrame.TIMESTAMP.format(now))
                .build();
    }

    /** One node's renewal of some of its presences: each with its project and its document. */
    static JsonObject renewal(String node, List<Presence> presences, Instant now) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        presences.forEach(p -> items.add(JSON.createObjectBuilder().add("project", p.project()).add("presence", p.document())));
        return JSON.createObjectBuilder()
                .add("project", EventReceived.PRESENCE_PROJECT)
                .add("event", PREFIX + node + ".renew")
                .add("payload", JSON.createObjectBuilder().add("presences", items))
                .add("permissions", JsonValue.EMPTY_JSON_ARRAY)
                .add("timestamp", EventFrame.TIMESTAMP.format(now))
                .build();
    }

    /** A node that joined asks the others for their presences (they answer with a renewal); it hears its own too. */
    static JsonObject syncRequest(String node, Instant now) {
        return JSON.createObjectBuilder()
                .add("project", EventReceived.PRESENCE_PROJECT)
                .add("event", PREFIX + node + SYNC)
                .add("payload", JsonValue.EMPTY_JSON_OBJECT)
                .add("permissions", JsonValue.EMPTY_JSON_ARRAY)
                .add("timestamp", EventFrame.TIMESTAMP.format(now))
                .build();
    }

    /** @return the node that asks, when the event is a sync request; null for a renewal */
    static String syncRequester(String event) {
        return event.startsWith(PREFIX) && event.endsWith(SYNC)
                ? event.substring(PREFIX.length(), event.length() - SYNC.length()) : null;
    }

    /** An event this node delivers to its own clients only, as if it had come from the topic. */
    static EventReceived local(Presence presence, String action, Instant now) {
        Envelope envelope = new Envelope(presence.project(), PREFIX + presence.id() + "." + action, presence.document(),
                presence.readRoles(), now);
        return new EventReceived(envelope, System.nanoTime());
    }

    /** Appwrite's answer to {@code presence}: no {@code success} member, unlike the other responses. */
    static String response(JsonObject document) {
        return JSON.createObjectBuilder().add("type", "response")
                .add("data", JSON.createObjectBuilder().add("to", "presence").add("presence", document))
                .build().toString();
    }

    /** @return the action of a presence event ({@code presences.<id>.<action>}), or null for any other event */
    static String action(String event) {
        if (!event.startsWith(PREFIX)) {
            return null;
        }
        int dot = event.lastIndexOf('.');
        return dot > PREFIX.length() && event.indexOf('.', PREFIX.length()) == dot ? event.substring(dot + 1) : null;
    }
}
