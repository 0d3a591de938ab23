package io.indobase.realtime.transport.tyrus;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a session's text frames asynchronously. On Tyrus (Payara) it frames the text itself and hands the bytes to
 * the session's protocol handler ({@code sendRawFrame}, whose future is a {@code CompletableFuture}): the standard
 * {@code RemoteEndpoint.Async.sendText} first re-arms the session's idle timer on the container's managed scheduler
 * for every frame (Payara's managed scheduler scans the class path for context providers at each submission), then
 * encodes the text through a new charset instance. Both cost more CPU than the rest of a delivery (ADR 0009). The
 * idle timer is unused here (the heartbeat owns idleness). Raw frames also let several frames queued for one socket
 * go out as one write: Tyrus does not parse what it is given, and writes and flushes each call once (ADR 0011).
 * Anywhere else, or if Tyrus's internals change, the standard API is used, one frame a call, and the fallback is
 * logged once.
 */
public final class TextSender {

    private static final Logger LOG = Logger.getLogger(TextSender.class.getName());
    private static final SendResult OK = new SendResult();
    /**
     * Not text: where this very string (compared by identity) is given, a WebSocket ping goes out instead, so the
     * heartbeat's pings take the frames' path and order. Its payload is {@link #PING_PAYLOAD}.
     */
    public static final String PING = new String("(ping)");
    static final byte[] PING_PAYLOAD = {'r', 't'};
    private static volatile Raw raw;
    private static volatile boolean unavailable;

    /** Where raw frames go: the session's Tyrus protocol handler (or, in a test, a stand-in). */
    @FunctionalInterface
    public interface RawFrames {
        /** Writes complete frames; the future completes once the container has taken them. */
        CompletableFuture<?> write(ByteBuffer frames);
    }

    private final Session session;
    private final RawFrames frames;

    private TextSender(Session session, RawFrames frames) {
        this.session = session;
        this.frames = frames;
    }

    /**
     * How frames leave ({@code realtime.transport.write-path}): {@code DIRECT} into the Grizzly connection where it
     * can ({@link DirectFrames}), else {@code TYRUS} as raw frames through Tyrus's writer, else {@code STANDARD}, the
     * WebSocket API's {@code sendText}. Each falls back to the next where the container does not allow it; the two
     * fallbacks can also be chosen, which is how the tests exercise them on the real container.
     */
    public enum Path {
        DIRECT, TYRUS, STANDARD
    }

    public static TextSender of(Session session) {
        return of(session, Path.DIRECT);
    }

    public static TextSender of(Session session, Path path) {
        Object remote = session.getAsyncRemote();
        Raw r = path == Path.STANDARD ? null : raw(remote);
        if (r == null) {
            return new TextSender(session, null);
        }
        try {
            Object webSocket = r.webSocket().get(remote);
            Object handler = r.protocolHandler().get(webSocket);
            RawFrames tyrus = rawFrames(r, handler);
            return new TextSender(session, path == Path.DIRECT ? DirectFrames.of(webSocket, handler, tyrus) : tyrus);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new TextSender(session, null);
        }
    }

    /** A sender that writes raw frames to {@code frames} (a test's stand-in for the container). */
    public static TextSender raw(Session session, RawFrames frames) {
        return new TextSender(session, frames);
    }

    private static RawFrames rawFrames(Raw r, Object protocolHandler) {
        return buffer -> {
            try {
                return (CompletableFuture<?>) r.sendRawFrame().invokeExact(protocolHandler, buffer);
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** How many frames one {@link #send} may carry: 1 through the standard API. */
    public int maxBatch() {
        return frames == null ? 1 : Integer.MAX_VALUE;
    }

    /**
     * Hands the frames to the container as one write; {@code handler} is called once they are written (or failed),
     * maybe at once. Each item is a whole frame's text, {@link FrameParts}, or {@link #PING}; {@code encoder} is the
     * calling thread's.
     */
    public void send(List<?> items, FrameEncoder encoder, SendHandler handler) {
        if (frames == null) {
            if (items.size() != 1) {
                throw new IllegalArgumentException("the standard API sends one frame a call");
            }
            Object item = items.get(0);
            if (item == PING) {
                ping(handler);
            } else {
                session.getAsyncRemote().sendText(item instanceof FrameParts parts ? parts.text() : (String) item, handler);
            }
            return;
        }
        frames.write(encoder.encode(items))
                .whenComplete((written, failure) -> handler.onResult(failure == null ? OK : new SendResult(failure)));
    }

    private void ping(SendHandler handler) {
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.wrap(PING_PAYLOAD));
        } catch (java.io.IOException e) {
            handler.onResult(new SendResult(e));
            return;
        }
        handler.onResult(OK);
    }

    private record Raw(Field webSocket, Field protocolHandler, MethodHandle sendRawFrame) {
    }

    private static Raw raw(Object remote) {
        Raw r = raw;
        if (r != null || unavailable) {
            return r;
        }
        synchronized (TextSender.class) {
            if (raw == null && !unavailable) {
                try {
                    Class<?> endpoint = Class.forName("org.glassfish.tyrus.core.TyrusRemoteEndpoint", false,
                            remote.getClass().getClassLoader());
                    Field webSocket = endpoint.getDeclaredField("webSocket");
                    webSocket.setAccessible(true);
                    Field protocolHandler = webSocket.getType().getDeclaredField("protocolHandler");
                    protocolHandler.setAccessible(true);
                    MethodHandle send = MethodHandles.publicLookup().findVirtual(protocolHandler.getType(), "sendRawFrame",
                            MethodType.methodType(java.util.concurrent.Future.class, ByteBuffer.class));
                    if (!CompletableFuture.class.isAssignableFrom(Class.forName("org.glassfish.tyrus.core.TyrusFuture",
                            false, endpoint.getClassLoader()))) {
                        throw new ClassCastException("TyrusFuture is no CompletableFuture");
                    }
                    raw = new Raw(webSocket, protocolHandler, send.asType(
                            MethodType.methodType(CompletableFuture.class, Object.class, ByteBuffer.class)));
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    unavailable = true;
                    LOG.log(Level.INFO, "RT-TRN-008 frames go through RemoteEndpoint.Async (Tyrus's raw frames are not "
                            + "available: " + e + ")");
                }
            }
            return raw;
        }
    }
}
