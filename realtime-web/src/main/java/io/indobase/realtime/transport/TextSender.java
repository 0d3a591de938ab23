package io.indobase.realtime.transport;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a session's text frames asynchronously. On Tyrus (Payara) it writes through the session's
 * {@code TyrusWebSocket}: the standard {@code RemoteEndpoint.Async.sendText} first re-arms the session's idle timer
 * on the container's managed scheduler for every frame, and Payara's managed scheduler scans the class path for
 * context providers at each submission; that cost more CPU than the delivery itself (docs/benchmarks.md,
 * "Performance work"). The idle timer is unused here (the heartbeat owns idleness). Anywhere else, or if Tyrus's
 * internals change, the standard API is used, and the fallback is logged once.
 */
final class TextSender {

    private static final Logger LOG = Logger.getLogger(TextSender.class.getName());
    private static volatile Direct direct;
    private static volatile boolean unavailable;

    private final Session session;
    private final Object webSocket;

    private TextSender(Session session, Object webSocket) {
        this.session = session;
        this.webSocket = webSocket;
    }

    static TextSender of(Session session) {
        Object remote = session.getAsyncRemote();
        Direct d = unavailable ? null : direct(remote);
        Object webSocket = null;
        if (d != null) {
            try {
                webSocket = d.webSocket().get(remote);
            } catch (ReflectiveOperationException | RuntimeException e) {
                webSocket = null;
            }
        }
        return new TextSender(session, webSocket);
    }

    /** Hands the frame to the container; {@code handler} is called once it is written (or failed). */
    void send(String frame, SendHandler handler) {
        if (webSocket != null) {
            try {
                direct.sendText().invoke(webSocket, frame, handler, direct.writerInfo());
                return;
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        session.getAsyncRemote().sendText(frame, handler);
    }

    private record Direct(Field webSocket, MethodHandle sendText, Object writerInfo) {
    }

    private static Direct direct(Object remote) {
        Direct d = direct;
        if (d != null || unavailable) {
            return d;
        }
        synchronized (TextSender.class) {
            if (direct == null && !unavailable) {
                try {
                    Class<?> endpoint = Class.forName("org.glassfish.tyrus.core.TyrusRemoteEndpoint", false,
                            remote.getClass().getClassLoader());
                    Field field = endpoint.getDeclaredField("webSocket");
                    field.setAccessible(true);
                    ClassLoader loader = endpoint.getClassLoader();
                    Class<?> info = Class.forName("org.glassfish.tyrus.spi.WriterInfo", false, loader);
                    Class<?> messageType = Class.forName("org.glassfish.tyrus.spi.WriterInfo$MessageType", false, loader);
                    Class<?> endpointType = Class.forName("org.glassfish.tyrus.spi.WriterInfo$RemoteEndpointType", false, loader);
                    Object writerInfo = info.getConstructor(messageType, endpointType).newInstance(
                            enumValue(messageType, "TEXT"), enumValue(endpointType, "ASYNC"));
                    MethodHandle sendText = MethodHandles.publicLookup().findVirtual(field.getType(), "sendText",
                            MethodType.methodType(void.class, String.class, SendHandler.class, info))
                            .asType(MethodType.methodType(void.class, Object.class, String.class, SendHandler.class, Object.class));
                    direct = new Direct(field, sendText, writerInfo);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    unavailable = true;
                    LOG.log(Level.INFO, "RT-TRN-003 frames go through RemoteEndpoint.Async (Tyrus's direct send is not available: "
                            + e + ")");
                }
            }
            return direct;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }
}
