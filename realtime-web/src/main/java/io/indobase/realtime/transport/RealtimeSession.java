package io.indobase.realtime.transport;

import io.indobase.realtime.frame.Frames;
import io.indobase.realtime.permission.Role;
import io.indobase.realtime.subscription.Connection;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.websocket.CloseReason;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The protocol state of one WebSocket: opens the registry connection with the URL's channels, answers client
 * messages and turns rejections into {@code error} frames (closing after a policy violation).
 */
final class RealtimeSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionRegistry registry;
    private final SessionOutbox outbox;
    private volatile Connection connection;

    RealtimeSession(SubscriptionRegistry registry, SessionOutbox outbox) {
        this.registry = registry;
        this.outbox = outbox;
    }

    /** Anonymous connections hold {@code guests}; URL channels form one subscription (Appwrite's slot 0). */
    void open(String project, List<String> urlChannels) {
        if (project == null || project.isBlank()) {
            reject(new ProtocolException(ProtocolException.POLICY_VIOLATION, "Missing or unknown project ID"));
            return;
        }
        connection = registry.open(project, Set.of(Role.GUESTS), outbox);
        Set<String> channels = new LinkedHashSet<>(urlChannels);
        List<String> subscriptions = channels.isEmpty() ? List.of() : List.of(newId());
        outbox.send(Frames.connected(channels, subscriptions, null));
        if (!channels.isEmpty()) {
            registry.subscribe(connection, subscriptions.get(0), channels);
        }
    }

    void onText(String text) {
        try {
            handle(ClientMessages.parse(text));
        } catch (ProtocolException e) {
            reject(e);
        }
    }

    void close() {
        if (connection != null) {
            registry.close(connection);
        }
    }

    private void handle(ClientMessage message) {
        if (!(message instanceof ClientMessage.Ping) && connection == null) {
            throw new ProtocolException(ProtocolException.POLICY_VIOLATION, "Missing project context. Reconnect to the project first.");
        }
        if (message instanceof ClientMessage.Ping) {
            outbox.send(Frames.PONG);
        } else if (message instanceof ClientMessage.Subscribe subscribe) {
            subscribe(subscribe);
        } else if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
            unsubscribe(unsubscribe);
        } else if (message instanceof ClientMessage.Unsupported unsupported) {
            throw new ProtocolException(ProtocolException.INVALID_MESSAGE,
                    "Message type is not supported by this server yet: " + unsupported.type());
        }
    }

    private void subscribe(ClientMessage.Subscribe subscribe) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (ClientMessage.SubscribeItem item : subscribe.items()) {
            String id = item.subscriptionId() == null ? newId() : item.subscriptionId();
            Set<String> channels = new LinkedHashSet<>(item.channels());
            registry.subscribe(connection, id, channels);
            results.add(Json.createObjectBuilder()
                    .add("subscriptionId", id)
                    .add("channels", Frames.strings(channels))
                    .add("queries", Frames.strings(item.queries())));
        }
        outbox.send(Frames.response("subscribe", Json.createObjectBuilder().add("subscriptions", results)));
    }

    private void unsubscribe(ClientMessage.Unsubscribe unsubscribe) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (String id : unsubscribe.subscriptionIds()) {
            boolean removed = registry.unsubscribe(connection, id);
            results.add(Json.createObjectBuilder().add("subscriptionId", id).add("removed", removed));
        }
        outbox.send(Frames.response("unsubscribe", Json.createObjectBuilder().add("subscriptions", results)));
    }

    private void reject(ProtocolException e) {
        String frame = Frames.error(e.code(), e.getMessage());
        if (e.closes()) {
            outbox.sendThenClose(frame, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, e.getMessage()));
        } else {
            outbox.send(frame);
        }
    }

    private static String newId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
