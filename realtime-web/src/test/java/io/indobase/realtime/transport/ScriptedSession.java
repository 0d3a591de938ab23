package io.indobase.realtime.transport;

import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.transport.tyrus.TextSender;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Session} whose asynchronous sends complete when the test says so (or at once, inline, when
 * {@code inline} is set), recording every frame written and the close reason. Only the calls the outbox makes
 * are scripted.
 */
final class ScriptedSession {

    final List<String> written = new ArrayList<>();
    final List<SendHandler> pending = new ArrayList<>();
    CloseReason closed;
    int pings;
    boolean inline;
    /** When set, the next send throws it instead of starting. */
    RuntimeException refuse;
    int maxInFlight;

    final Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Session.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getAsyncRemote" -> async();
                case "getId" -> "s1";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "close" -> {
                    closed = (CloseReason) args[0];
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private RemoteEndpoint.Async async() {
        return (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{RemoteEndpoint.Async.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sendPing")) {
                        pings++;
                        return null;
                    }
                    if (!method.getName().equals("sendText") || args.length != 2) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    if (refuse != null) {
                        throw refuse;
                    }
                    written.add((String) args[0]);
                    SendHandler handler = (SendHandler) args[1];
                    if (inline) {
                        handler.onResult(new SendResult());
                    } else {
                        pending.add(handler);
                        maxInFlight = Math.max(maxInFlight, pending.size());
                    }
                    return null;
                });
    }

    /** An outbox on this session that writes inline, as whoever queues (no writer thread), through the standard API. */
    SessionOutbox outbox(int capacity, RealtimeStats stats) {
        return outbox(capacity, Long.MAX_VALUE, stats);
    }

    SessionOutbox outbox(int capacity, long maxChars, RealtimeStats stats) {
        return new SessionOutbox(session, TextSender.of(session), null, capacity, maxChars, stats);
    }

    /** Fails the oldest send in flight. */
    void fail(Throwable failure) {
        pending.remove(0).onResult(new SendResult(failure));
    }

    /** Completes the oldest send in flight. */
    void complete() {
        pending.remove(0).onResult(new SendResult());
    }
}
