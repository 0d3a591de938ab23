package io.indobase.realtime.client;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connection behind a {@link RealtimeClient}: one socket at a time, the subscriptions sent again on each, the
 * last event id, reconnects with backoff, the heartbeat. Every change happens under this object's lock; listeners
 * are called on the {@link Dispatcher}'s thread, never under it.
 */
final class Link {

    private static final Logger LOG = Logger.getLogger(RealtimeClient.class.getName());
    static final String EXPIRED = "The session expired.";

    private final Settings settings;
    private final Dispatcher dispatcher;
    private final ScheduledExecutorService timers;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    /** Messages sent on the current socket that await their answer, oldest first: the server answers in order. */
    private final Deque<Request> requests = new ArrayDeque<>();
    private volatile ConnectionState state = ConnectionState.IDLE;
    private Socket socket;
    private String lastEventId;
    private int attempts;
    private boolean closed;
    private ScheduledFuture<?> retry;

    private record Request(String type, List<Subscription> subscriptions) {
    }

    Link(Settings settings, Dispatcher dispatcher, ScheduledExecutorService timers) {
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.timers = timers;
    }

    ConnectionState state() {
        return state;
    }

    synchronized void subscribe(Subscription subscription) {
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        subscriptions.put(subscription.id(), subscription);
        if (socket == null && retry == null) {
            connect();
        } else {
            sendSubscribe(List.of(subscription));
        }
    }

    synchronized void update(Subscription subscription) {
        if (subscriptions.containsKey(subscription.id())) {
            sendSubscribe(List.of(subscription));
        }
    }

    /** The last subscription's close closes the socket: the client is idle until the next subscribe. */
    synchronized void unsubscribe(Subscription subscription) {
        if (subscriptions.remove(subscription.id()) == null) {
            return;
        }
        if (subscriptions.isEmpty()) {
            if (retry != null) {
                retry.cancel(false);
                retry = null;
            }
            if (socket != null) {
                socket.close(Duration.ofSeconds(1));
                socket = null;
                requests.clear();
            }
            // nothing continues: a later subscription must not be handed events from before it existed
            lastEventId = null;
            if (!closed) {
                move(ConnectionState.IDLE, 1000, "no subscription left", Duration.ZERO);
            }
        } else if (socket != null && socket.connected) {
            requests.add(new Request("unsubscribe", List.of()));
            socket.send(Protocol.unsubscribe(subscription.id()));
        }
    }

    private void sendSubscribe(List<Subscription> batch) {
        if (socket != null && socket.connected && !batch.isEmpty()) {
            requests.add(new Request("subscribe", List.copyOf(batch)));
            socket.send(Protocol.subscribe(batch));
        }
    }

    /** Opens a socket that resumes from the last event id, if there is one. */
    private void connect() {
        retry = null;
        Socket next = new Socket(this, dispatcher);
        socket = next;
        if (state == ConnectionState.IDLE || state == ConnectionState.CLOSED) {
            move(ConnectionState.CONNECTING, 0, "", Duration.ZERO);
        }
        next.open(settings, Protocol.socketUri(settings.endpoint(), settings.project(), lastEventId));
    }

    /** A text frame of {@code from}. @return whether the listener queue has room for the next one */
    boolean received(Socket from, String text) {
        JsonObject frame;
        try {
            frame = Protocol.parse(text);
        } catch (RealtimeException e) {
            dispatcher.control(() -> settings.listener().onError(e));
            return true;
        }
        synchronized (this) {
            if (from != socket) {
                return true;
            }
            return handle(from, frame);
        }
    }

    private boolean handle(Socket from, JsonObject frame) {
        switch (frame.getString("type")) {
            case "connected" -> connected(from);
            case "event" -> {
                return event(frame);
            }
            case "response" -> response(frame.getJsonObject("data"));
            case "pong" -> answered("ping");
            case "error" -> {
                RealtimeException error = Protocol.error(frame.getJsonObject("data"));
                from.lastError = error;
                Request request = requests.poll();
                if (request != null) {
                    request.subscriptions().forEach(s -> s.refused(error));
                }
                dispatcher.control(() -> settings.listener().onError(error));
            }
            default -> LOG.log(Level.FINE, "RT-CLI-003 ignored a frame of type {0}", frame.getString("type"));
        }
        return true;
    }

    private void connected(Socket from) {
        from.connected = true;
        attempts = 0;
        move(ConnectionState.OPEN, 0, "", Duration.ZERO);
        sendSubscribe(new ArrayList<>(subscriptions.values()));
        from.beat(timers, settings.heartbeat());
    }

    private boolean event(JsonObject frame) {
        RealtimeEvent event;
        try {
            event = Protocol.event(frame);
        } catch (RealtimeException e) {
            dispatcher.control(() -> settings.listener().onError(e));
            return true;
        }
        if (!event.id().isEmpty()) {
            lastEventId = event.id();
        }
        List<EventListener> listeners = event.subscriptions().stream()
                .map(subscriptions::get).filter(s -> s != null).map(Subscription::listener).toList();
        return dispatcher.event(() -> listeners.forEach(listener -> listener.onEvent(event)));
    }

    private void response(JsonObject data) {
        String to = data.getString("to", "");
        switch (to) {
            case "subscribe" -> {
                answered(to);
                data.getJsonArray("subscriptions").getValuesAs(JsonObject.class).forEach(item -> {
                    Subscription subscription = subscriptions.get(item.getString("subscriptionId", ""));
                    if (subscription != null) {
                        subscription.confirmed();
                    }
                });
            }
            case "unsubscribe" -> answered(to);
            case "resume" -> {
                Resumption resumption = Protocol.resumption(data);
                dispatcher.control(() -> settings.listener().onResume(resumption));
            }
            default -> LOG.log(Level.FINE, "RT-CLI-003 ignored a response to {0}", to);
        }
    }

    /** Drops the oldest request of that type: its answer came. */
    private void answered(String type) {
        requests.stream().filter(r -> r.type().equals(type)).findFirst().ifPresent(requests::remove);
    }

    /** Sends a ping on {@code on} if it is still the socket. @return whether it was sent */
    synchronized boolean ping(Socket on) {
        if (on != socket) {
            return false;
        }
        requests.add(new Request("ping", List.of()));
        on.send(Protocol.PING);
        return true;
    }

    /** The end of {@code ended}: reconnect after a backoff, or stay closed when the server refused the client. */
    synchronized void lost(Socket ended, int code, String reason) {
        if (ended != socket) {
            return;
        }
        socket = null;
        requests.clear();
        ended.abort();
        if (closed) {
            return;
        }
        String why = ended.lastError != null && (code == 1008 || code == 1013 || code == 4408)
                ? ended.lastError.getMessage() : reason;
        boolean refreshes = settings.credentials().refreshable() && EXPIRED.equals(why);
        if (code == 1008 && !refreshes) {
            LOG.log(Level.WARNING, "RT-CLI-001 the server refused the client for good: {0}", why);
            move(ConnectionState.CLOSED, code, why, Duration.ZERO);
            return;
        }
        attempts++;
        Duration delay = settings.backoff().delay(attempts, ThreadLocalRandom.current().nextDouble());
        if (code == 1013 && !ended.connected) {
            // "Too many requests" at the handshake: come back no sooner than the longest delay
            delay = settings.backoff().max();
        }
        LOG.log(Level.FINE, "RT-CLI-004 connection lost ({0}: {1}); attempt {2} in {3} ms",
                new Object[] {code, why, attempts, delay.toMillis()});
        move(ConnectionState.RECONNECTING, code, why, delay);
        retry = timers.schedule(this::reconnect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void reconnect() {
        if (!closed && socket == null) {
            connect();
        }
    }

    private void move(ConnectionState next, int code, String reason, Duration retryIn) {
        ConnectionState previous = state;
        if (previous == next && next != ConnectionState.RECONNECTING) {
            return;
        }
        state = next;
        StateChange change = new StateChange(previous, next, code, reason, retryIn);
        dispatcher.control(() -> settings.listener().onStateChange(change));
    }

    /** Closes the socket with 1000 and stays closed; the listener thread delivers what is queued, then ends. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (retry != null) {
                retry.cancel(false);
            }
            if (socket != null) {
                socket.close(Duration.ofSeconds(1));
                socket = null;
            }
            move(ConnectionState.CLOSED, 1000, "closed by the client", Duration.ZERO);
        }
        timers.shutdown();
        dispatcher.close(1000);
    }
}
