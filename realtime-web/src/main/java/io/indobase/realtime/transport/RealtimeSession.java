package io.indobase.realtime.transport;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.channel.AccountChannels;
import io.indobase.realtime.frame.Frames;
import io.indobase.realtime.identity.InvalidCredentialException;
import io.indobase.realtime.limit.Limits;
import io.indobase.realtime.limit.MessageBudget;
import io.indobase.realtime.limit.SocketCaps;
import io.indobase.realtime.presence.PresenceException;
import io.indobase.realtime.presence.Presences;
import io.indobase.realtime.subscription.Connection;
import io.indobase.realtime.subscription.Subscription;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import io.indobase.realtime.transport.protocol.ClientMessage;
import io.indobase.realtime.transport.protocol.ClientMessages;
import io.indobase.realtime.transport.protocol.ProtocolException;
import io.indobase.realtime.transport.protocol.SubscriptionQueries;
import io.indobase.realtime.transport.protocol.UrlSubscriptions;
import jakarta.json.JsonArrayBuilder;
import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The protocol state of one WebSocket: opens the registry connection with the URL's subscriptions, answers client
 * messages and turns rejections into {@code error} frames, followed by a close frame with the same code when the
 * error closes the socket.
 */
final class RealtimeSession {

    /** Appwrite's project ids (CustomId, up to 36 chars); a leading underscore is allowed for internal probes. */
    private static final Pattern PROJECT_ID = Pattern.compile("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,35}$");

    static final String EXPIRED = "The session expired.";
    private static final Logger LOG = Logger.getLogger(RealtimeSession.class.getName());

    private final SubscriptionRegistry registry;
    private final SessionCredentials credentials;
    private final Limits limits;
    private final SessionOutbox outbox;
    private final ScheduledExecutorService scheduler;
    private final ScheduledExecutorService timers;
    private final MessageBudget budget;
    private final Presences presences;
    private volatile Connection connection;
    private volatile ScheduledFuture<?> expiry;
    private volatile SocketCaps.Slot slot = SocketCaps.Slot.NONE;
    private Resume resume = Resume.none();

    RealtimeSession(SessionServices services, SessionOutbox outbox) {
        this.registry = services.registry();
        this.credentials = services.credentials();
        this.limits = services.limits();
        this.outbox = outbox;
        this.scheduler = services.scheduler();
        this.timers = services.timers();
        this.budget = limits.messageBudget();
        this.presences = services.presences();
    }

    /**
     * @param project    the project from the {@code x-appwrite-project} header or the {@code project} parameter
     * @param parameters the handshake URL's query parameters
     * @param handshake  the upgrade request's headers and authenticated caller
     * @param address    the client's IP address, or null when unknown
     */
    void open(String project, Map<String, List<String>> parameters, Handshake handshake, String address) {
        try {
            if (project == null || !PROJECT_ID.matcher(project).matches()) {
                throw new ProtocolException(ProtocolException.POLICY_VIOLATION, "Missing or unknown project ID");
            }
            String origin = handshake.header("origin");
            if (!limits.originAllowed(project, origin, handshake.header("host"))) {
                throw new ProtocolException(ProtocolException.POLICY_VIOLATION, "Invalid Origin. Add " + origin
                        + " to realtime.security.origins for project " + project + " to let its pages connect.");
            }
            slot = limits.admitSocket(project, address);
            if (slot.refusal() != null) {
                throw new ProtocolException(ProtocolException.TRY_AGAIN_LATER, slot.refusal(), ProtocolException.TRY_AGAIN_LATER);
            }
            List<UrlSubscriptions.Slot> slots = UrlSubscriptions.of(parameters);
            List<List<String>> queries = slots.stream()
                    .map(s -> SubscriptionQueries.check(s.queries(), ProtocolException.POLICY_VIOLATION)).toList();
            List<String> ids = slots.stream().map(s -> UrlSubscriptions.newId()).toList();
            Map<String, Subscription> planned = new LinkedHashMap<>();
            for (int i = 0; i < slots.size(); i++) {
                planned.put(ids.get(i), new Subscription(Set.copyOf(slots.get(i).channels()), queries.get(i)));
            }
            checkCaps(planned, ProtocolException.TRY_AGAIN_LATER);
            resume = Resume.of(parameters);
            SessionCredentials.Resolved who = credentials.checked(project, credentials.resolve(project, handshake, parameters));
            // connected goes first: no event may reach the client before it knows its subscription ids
            List<String> channels = AccountChannels.convert(parameters.getOrDefault(UrlSubscriptions.CHANNELS, List.of()),
                    who.identity().userId());
            outbox.send(Frames.connected(channels, UrlSubscriptions.ids(slots, ids), who.user()));
            connection = registry.open(project, who.identity(), outbox);
            registry.identify(connection, who.identity(), who.session());
            // a revocation or a loss handled while this socket registered: it was remembered before the sockets
            // were looked for, so it is seen here if the sweep missed this socket
            recheck(who);
            expireAt(who.expiresAt());
            resume.register(registry, connection, outbox, !slots.isEmpty(), () -> {
                for (int i = 0; i < slots.size(); i++) {
                    registry.subscribe(connection, ids.get(i), slots.get(i).channels(), queries.get(i));
                }
            });
        } catch (ProtocolException e) {
            reject(e);
        }
    }

    /** A socket whose handshake carried no credential and no Origin, from an unknown address. */
    void open(String project, Map<String, List<String>> parameters) {
        open(project, parameters, Handshake.NONE, null);
    }

    void onText(String text) {
        receive(() -> ClientMessages.parse(text));
    }

    /** A binary frame: its bytes read as UTF-8 text, as Appwrite does (bytes that are not UTF-8 get the format error). */
    void onBinary(ByteBuffer bytes) {
        receive(() -> ClientMessages.parse(bytes));
    }

    private void receive(Supplier<ClientMessage> parse) {
        try {
            // counted before parsing, as Appwrite does: garbage costs the sender its budget too
            if (!budget.tryAcquire()) {
                throw new ProtocolException(ProtocolException.TRY_AGAIN_LATER, "Too many messages.", 0);
            }
            handle(parse.get());
        } catch (ProtocolException e) {
            reject(e);
        } catch (RuntimeException e) {
            // a defect: the client still gets an answer, and the socket and the others are unaffected
            LOG.log(Level.WARNING, "RT-TRN-010 a client message could not be handled; answered with error 1003", e);
            reject(new ProtocolException(ProtocolException.INVALID_MESSAGE, "The message could not be handled."));
        }
    }

    void close() {
        slot.release();
        ScheduledFuture<?> pending = expiry;
        if (pending != null) {
            pending.cancel(false);
        }
        if (connection != null) {
            registry.close(connection);
            // after the registry (an upsert racing the close sees it closed), and on a thread of its own: a close can
            // run on the delivering thread, the heartbeat's or the network's, which must never wait for the broker
            Connection closed = connection;
            if (presences.owns(closed)) {
                scheduler.execute(() -> presences.closed(closed));
            }
        }
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
        } else if (message instanceof ClientMessage.Presence presence) {
            presence(presence);
        }
    }

    private void subscribe(ClientMessage.Subscribe subscribe) {
        List<String> ids = subscribe.items().stream()
                .map(item -> item.subscriptionId() == null ? UrlSubscriptions.newId() : item.subscriptionId()).toList();
        Map<String, Subscription> planned = new LinkedHashMap<>(connection.subscriptions());
        for (int i = 0; i < ids.size(); i++) {
            ClientMessage.SubscribeItem item = subscribe.items().get(i);
            planned.put(ids.get(i), new Subscription(Set.copyOf(item.channels()), item.queries()));
        }
        checkCaps(planned, 0);
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (int i = 0; i < ids.size(); i++) {
            ClientMessage.SubscribeItem item = subscribe.items().get(i);
            String id = ids.get(i);
            Set<String> channels = registry.subscribe(connection, id, item.channels(), item.queries());
            results.add(JSON.createObjectBuilder()
                    .add("subscriptionId", id)
                    .add("channels", Frames.strings(channels))
                    .add("queries", Frames.strings(item.queries())));
        }
        outbox.send(Frames.response("subscribe", JSON.createObjectBuilder().add("subscriptions", results)));
    }

    /** The core's refusal of a presence is an error frame; the socket stays open. */
    private void presence(ClientMessage.Presence presence) {
        try {
            outbox.send(presences.upsert(connection, presence.request()));
        } catch (PresenceException e) {
            throw new ProtocolException(e.code(), e.getMessage());
        }
    }

    private void unsubscribe(ClientMessage.Unsubscribe unsubscribe) {
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (String id : unsubscribe.subscriptionIds()) {
            boolean removed = registry.unsubscribe(connection, id);
            results.add(JSON.createObjectBuilder().add("subscriptionId", id).add("removed", removed));
        }
        outbox.send(Frames.response("unsubscribe", JSON.createObjectBuilder().add("subscriptions", results)));
    }

    /**
     * Appwrite keeps the socket open when a session is refused: the client stays what it was. A revocation handled
     * while the roles switch is caught by the check after the switch, as at the handshake.
     */
    private void authenticate(ClientMessage.Authenticate authenticate) {
        SessionCredentials.Resolved who;
        try {
            who = credentials.checked(connection.project(), new SessionCredentials.Resolved(
                    credentials.verifier().verify(connection.project(), authenticate.session())));
        } catch (InvalidCredentialException | ProtocolException e) {
            throw new ProtocolException(ProtocolException.INVALID_MESSAGE, "Session is not valid.");
        }
        registry.identify(connection, who.identity(), who.session());
        expireAt(who.expiresAt());
        recheck(who);
        outbox.send(Frames.response("authentication", JSON.createObjectBuilder().add("user", who.user())));
    }

    /**
     * After the connection holds a credential's roles: a revocation closes it (error 401, close 1008), a loss is
     * taken away, whichever an event recorded while the roles were being set.
     */
    private void recheck(SessionCredentials.Resolved who) {
        String project = connection.project();
        credentials.checked(project, who);
        registry.update(connection, who.identity().userId(), i -> credentials.current(project, i, who.issuedAt()));
    }

    /** Over a cap, nothing of the request is applied; {@code closeCode} 0 keeps the socket open. */
    private void checkCaps(Map<String, Subscription> planned, int closeCode) {
        String over = limits.overCap(planned);
        if (over != null) {
            throw new ProtocolException(ProtocolException.TRY_AGAIN_LATER, over, closeCode);
        }
    }

    /** A credential that expires closes the socket then, with an error frame and 1008; a later one replaces it. */
    private void expireAt(Instant expiresAt) {
        ScheduledFuture<?> previous = expiry;
        if (previous != null) {
            previous.cancel(false);
        }
        expiry = expiresAt == null ? null : timers.schedule(() -> outbox.disconnect(EXPIRED),
                Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()), TimeUnit.MILLISECONDS);
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
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(e.closeCode()), reason);
    }
}
