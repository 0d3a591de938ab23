package io.indobase.realtime.transport;

import io.indobase.realtime.channel.AccountChannels;
import io.indobase.realtime.frame.Frames;
import io.indobase.realtime.identity.Account;
import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.subscription.Connection;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The protocol state of one WebSocket: opens the registry connection with the URL's subscriptions, answers client
 * messages and turns rejections into {@code error} frames, followed by a close frame with the same code when the
 * error closes the socket.
 */
final class RealtimeSession {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Appwrite's project ids (CustomId, up to 36 chars); a leading underscore is allowed for internal probes. */
    private static final Pattern PROJECT_ID = Pattern.compile("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,35}$");

    private final SubscriptionRegistry registry;
    private final SessionVerifier verifier;
    private final SessionOutbox outbox;
    private volatile Connection connection;
    private Resume resume = Resume.none();

    RealtimeSession(SubscriptionRegistry registry, SessionVerifier verifier, SessionOutbox outbox) {
        this.registry = registry;
        this.verifier = verifier;
        this.outbox = outbox;
    }

    /**
     * @param project    the project from the {@code x-appwrite-project} header or the {@code project} parameter
     * @param parameters the handshake URL's query parameters
     */
    void open(String project, Map<String, List<String>> parameters) {
        try {
            if (project == null || !PROJECT_ID.matcher(project).matches()) {
                throw new ProtocolException(ProtocolException.POLICY_VIOLATION, "Missing or unknown project ID");
            }
            List<UrlSubscriptions.Slot> slots = UrlSubscriptions.of(parameters);
            List<List<String>> queries = slots.stream()
                    .map(s -> SubscriptionQueries.check(s.queries(), ProtocolException.POLICY_VIOLATION)).toList();
            List<String> ids = slots.stream().map(s -> newId()).toList();
            resume = Resume.of(parameters);
            // connected goes first: no event may reach the client before it knows its subscription ids
            List<String> channels = AccountChannels.convert(parameters.getOrDefault(UrlSubscriptions.CHANNELS, List.of()), null);
            outbox.send(Frames.connected(channels, slotIds(slots, ids), JsonValue.NULL));
            connection = registry.open(project, Identity.GUEST, outbox);
            resume.register(registry, connection, outbox, !slots.isEmpty(), () -> {
                for (int i = 0; i < slots.size(); i++) {
                    registry.subscribe(connection, ids.get(i), slots.get(i).channels(), queries.get(i));
                }
            });
        } catch (ProtocolException e) {
            reject(e);
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

    /** The subscription id of each slot: a list when the slots are 0..n-1, as PHP would encode them, else an object. */
    private static JsonValue slotIds(List<UrlSubscriptions.Slot> slots, List<String> ids) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        JsonObjectBuilder object = Json.createObjectBuilder();
        boolean contiguous = true;
        for (int i = 0; i < slots.size(); i++) {
            list.add(ids.get(i));
            object.add(Integer.toString(slots.get(i).index()), ids.get(i));
            contiguous &= slots.get(i).index() == i;
        }
        return contiguous ? list.build() : object.build();
    }

    private void handle(ClientMessage message) {
        if (message instanceof ClientMessage.Ping) {
            outbox.send(Frames.PONG);
            return;
        }
        if (connection == null) {
            throw new ProtocolException(ProtocolException.POLICY_VIOLATION, "Missing project context. Reconnect to the project first.");
        }
        if (message instanceof ClientMessage.Subscribe subscribe) {
            resume.register(registry, connection, outbox, !subscribe.items().isEmpty(), () -> subscribe(subscribe));
        } else if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
            unsubscribe(unsubscribe);
        } else if (message instanceof ClientMessage.Authenticate authenticate) {
            authenticate(authenticate);
        } else if (message instanceof ClientMessage.Unsupported unsupported) {
            throw new ProtocolException(ProtocolException.INVALID_MESSAGE,
                    "Message type is not supported by this server yet: " + unsupported.type());
        }
    }

    private void subscribe(ClientMessage.Subscribe subscribe) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (ClientMessage.SubscribeItem item : subscribe.items()) {
            String id = item.subscriptionId() == null ? newId() : item.subscriptionId();
            Set<String> channels = registry.subscribe(connection, id, item.channels(), item.queries());
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

    /** Appwrite keeps the socket open when a session is refused: the client stays what it was. */
    private void authenticate(ClientMessage.Authenticate authenticate) {
        Account account = verifier.verify(connection.project(), authenticate.session())
                .orElseThrow(() -> new ProtocolException(ProtocolException.INVALID_MESSAGE, "Session is not valid."));
        registry.identify(connection, account.identity());
        outbox.send(Frames.response("authentication", Json.createObjectBuilder().add("user", account.model())));
    }

    private void reject(ProtocolException e) {
        String frame = Frames.error(e.code(), e.getMessage());
        if (e.closes()) {
            outbox.sendThenClose(frame, closeReason(e));
        } else {
            outbox.send(frame);
        }
    }

    /** A close frame's reason is limited to 123 bytes of UTF-8; the error frame before it has the whole message. */
    private static CloseReason closeReason(ProtocolException e) {
        String reason = e.getMessage();
        while (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
            reason = reason.substring(0, reason.length() - 1);
        }
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(e.code()), reason);
    }

    private static String newId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
