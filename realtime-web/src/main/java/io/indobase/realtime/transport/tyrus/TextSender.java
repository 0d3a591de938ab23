package io.indobase.realtime.transport.tyrus;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a session's text frames asynchronously. On Tyrus (Payara) it frames the text itself and hands the bytes to
 * the session's protocol handler ({@code sendRawFrame}, whose future is a {@code CompletableFuture}): the standard
 * {@code RemoteEndpoint.Async.sendText} first re-arms the session's idle timer on the container's managed scheduler
 * for every frame (Payara's managed scheduler scans the class path for context providers at each submission), then
 * encodes the text through a new charset instance. Both cost more CPU than the rest of a delivery (ADR 0009). The
 * idle timer is unused here (the heartbeat owns idleness). Anywhere else, or if Tyrus's internals change, the
 * standard API is used, and the fallback is logged once.
 */
public final class TextSender {

    private static final Logger LOG = Logger.getLogger(TextSender.class.getName());
    private static final SendResult OK = new SendResult();
    private static volatile Raw raw;
    private static volatile boolean unavailable;

    private final Session session;
    private final Object protocolHandler;

    private TextSender(Session session, Object protocolHandler) {
        this.session = session;
        this.protocolHandler = protocolHandler;
    }

    public static TextSender of(Session session) {
        Object remote = session.getAsyncRemote();
        Raw r = raw(remote);
        Object handler = null;
        if (r != null) {
            try {
                handler = r.protocolHandler().get(r.webSocket().get(remote));
            } catch (ReflectiveOperationException | RuntimeException e) {
                handler = null;
            }
        }
        return new TextSender(session, handler);
    }

    /** Hands the frame to the container; {@code handler} is called once it is written (or failed), maybe at once. */
    public void send(String frame, SendHandler handler) {
        if (protocolHandler == null) {
            session.getAsyncRemote().sendText(frame, handler);
            return;
        }
        CompletableFuture<?> written;
        try {
            written = (CompletableFuture<?>) raw.sendRawFrame().invokeExact(protocolHandler, textFrame(frame));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        written.whenComplete((frameSent, failure) -> handler.onResult(failure == null ? OK : new SendResult(failure)));
    }

    /** One final, unmasked text frame (RFC 6455 5.2), as a server sends it. */
    static ByteBuffer textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int length = payload.length;
        ByteBuffer frame = ByteBuffer.allocate((length < 126 ? 2 : length < 65536 ? 4 : 10) + length);
        frame.put((byte) 0x81);
        if (length < 126) {
            frame.put((byte) length);
        } else if (length < 65536) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        return frame.put(payload).flip();
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
