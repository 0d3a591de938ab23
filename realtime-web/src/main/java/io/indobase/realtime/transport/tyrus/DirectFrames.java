package io.indobase.realtime.transport.tyrus;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Raw frames written straight to the socket's Grizzly connection, into the transport's asynchronous write queue, past
 * Tyrus's servlet writer, the servlet output stream (Catalina's and Grizzly's output buffers, an 8 KiB pooled buffer
 * and a flush per write) and the connection's filter chain: three quarters of a delivery's CPU went there (ADR 0011).
 * The bytes keep their order with Tyrus's own frames (pongs, the close frame): a direct write happens only under the
 * monitor Tyrus's servlet writer writes under, only while that writer holds no frame of its own, only while the web
 * socket is still connected (Tyrus marks it closing before it writes a close frame), and only while the connection's
 * write queue takes more (the test the servlet stream's {@code isReady} makes). Otherwise the frames go through Tyrus
 * ({@code sendRawFrame}), which waits for the socket to drain, and so do all the socket's later frames: once bytes
 * went into the servlet stream, a direct write could overtake what its buffers still hold. The bytes are copied into
 * a buffer of Grizzly's memory manager, as its output stream does (it recycles what it is given). A write is done
 * once the queue has handed all its bytes to the kernel (at once, mostly): a stalled reader's socket holds one write
 * in the queue, and the frames behind it wait in the outbox, shared. Never on a TLS connection (the bytes would pass
 * the SSL filter); nowhere but Tyrus's servlet container; both cases, and internals that changed, keep the Tyrus
 * path, logged once.
 */
final class DirectFrames implements TextSender.RawFrames {

    private static final Logger LOG = Logger.getLogger(DirectFrames.class.getName());
    private static volatile Paths paths;
    private static volatile boolean unavailable;

    /** The connection's write queue. */
    interface Sink {
        /** Whether the queue takes more (it may go past its limit by one write). */
        boolean canWrite();

        /**
         * Queues a copy of the frames (written at once when the queue is empty); {@code done} completes once every
         * byte is written (or fails with the write).
         */
        void write(ByteBuffer frames, CompletableFuture<Void> done);
    }

    private final Object monitor;
    private final Collection<?> tyrusQueue;
    private final AtomicReference<?> state;
    private final Object connected;
    private final Sink sink;
    private final TextSender.RawFrames tyrus;
    /**
     * Once one write went through Tyrus, every later one does (guarded by the monitor): a direct write must never
     * follow bytes handed to the servlet stream, whose buffers this class cannot see into.
     */
    private boolean throughTyrus;

    DirectFrames(Object monitor, Collection<?> tyrusQueue, AtomicReference<?> state, Object connected, Sink sink,
                 TextSender.RawFrames tyrus) {
        this.monitor = monitor;
        this.tyrusQueue = tyrusQueue;
        this.state = state;
        this.connected = connected;
        this.sink = sink;
        this.tyrus = tyrus;
    }

    @Override
    public CompletableFuture<?> write(ByteBuffer frames) {
        synchronized (monitor) {
            if (!throughTyrus && state.get() == connected && tyrusQueue.isEmpty() && sink.canWrite()) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                sink.write(frames, done);
                return done;
            }
            throughTyrus = true;
        }
        return tyrus.write(frames);
    }

    /**
     * Direct writes for the session of this Tyrus web socket, or {@code tyrus} itself where they cannot be made.
     *
     * @param webSocket       the session's {@code TyrusWebSocket}
     * @param protocolHandler its {@code ProtocolHandler}
     */
    static TextSender.RawFrames of(Object webSocket, Object protocolHandler, TextSender.RawFrames tyrus) {
        Paths p = paths(webSocket, protocolHandler);
        if (p == null) {
            return tyrus;
        }
        try {
            Object writer = p.writer().get(protocolHandler);
            if (!p.servletWriter().isInstance(writer)) {
                return tyrus;
            }
            Object handler = p.upgradeHandler().get(writer);
            if (p.proxied().isInstance(handler)) {
                handler = p.proxyTarget().get(handler);
            }
            Object request = p.request().get(p.webConnection().get(handler));
            Object connection = p.connection().invoke(p.coyoteRequest().invoke(request));
            Listener listener = connection == null ? null : Listener.of(connection);
            if (listener == null || listener.secure()) {
                return tyrus;
            }
            return new DirectFrames(writer, (Collection<?>) p.tyrusQueue().get(writer),
                    (AtomicReference<?>) p.state().get(webSocket), p.connected(),
                    new GrizzlySink(p, listener.queueWriter(), connection, listener.memory()), tyrus);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "RT-TRN-014 this socket's frames go through Tyrus's writer (" + e + ")");
            return tyrus;
        }
    }

    /**
     * What the connections of one listener share: its transport's write queue writer, its memory manager, and
     * whether its filter chain encrypts (writing below it would then send plain text). Looked up again only when a
     * connection of another listener comes.
     */
    private record Listener(Object transport, Object processor, Object queueWriter, Object memory, boolean secure) {

        private static volatile Listener last;

        static Listener of(Object connection) throws ReflectiveOperationException {
            Object transport = call(connection, "getTransport");
            Object processor = call(connection, "getProcessor");
            Listener known = last;
            if (known != null && known.transport() == transport && known.processor() == processor) {
                return known;
            }
            boolean secure = !(processor instanceof List<?> filters) // not a chain we can read: do not guess
                    || filters.stream().anyMatch(f -> f.getClass().getName().contains("SSL"));
            Listener found = new Listener(transport, processor, call(call(transport, "getAsyncQueueIO"), "getWriter"),
                    call(connection, "getMemoryManager"), secure);
            last = found;
            return found;
        }

        private static Object call(Object target, String getter) throws ReflectiveOperationException {
            return open(target.getClass().getMethod(getter)).invoke(target); // its class may not be public
        }
    }

    /** The Tyrus and Grizzly members a direct write uses, looked up once. */
    record Paths(Field state, Object connected, Field writer, Class<?> servletWriter, Field tyrusQueue,
                 Field upgradeHandler, Class<?> proxied, Field proxyTarget, Field webConnection, Field request,
                 Method coyoteRequest, Method connection, Class<?> completionHandler, MethodHandle canWrite,
                 MethodHandle write, MethodHandle allocate, MethodHandle put, MethodHandle flip,
                 MethodHandle allowDispose) {
    }

    private static Paths paths(Object webSocket, Object protocolHandler) {
        Paths p = paths;
        if (p != null || unavailable) {
            return p;
        }
        synchronized (DirectFrames.class) {
            if (paths == null && !unavailable) {
                try {
                    paths = find(webSocket, protocolHandler);
                    LOG.log(Level.INFO, "RT-TRN-014 frames are written straight to the sockets' connections");
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    unavailable = true;
                    LOG.log(Level.INFO, "RT-TRN-014 frames go through Tyrus's writer (direct writes are not available: "
                            + e + ")");
                }
            }
            return paths;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Paths find(Object webSocket, Object protocolHandler) throws ReflectiveOperationException {
        ClassLoader tyrus = protocolHandler.getClass().getClassLoader();
        Field state = open(webSocket.getClass().getDeclaredField("state"));
        Class<? extends Enum> states = (Class<? extends Enum>) Class.forName("org.glassfish.tyrus.core.TyrusWebSocket$State",
                false, tyrus);
        Field writer = open(protocolHandler.getClass().getDeclaredField("writer"));
        Class<?> servletWriter = Class.forName("org.glassfish.tyrus.servlet.TyrusServletWriter", false,
                writer.get(protocolHandler).getClass().getClassLoader());
        ClassLoader servlet = servletWriter.getClassLoader();
        Class<?> upgradeHandler = Class.forName("org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler", false, servlet);
        Class<?> proxied = Class.forName("org.glassfish.tyrus.servlet.TyrusServletUpgrade$TyrusHttpUpgradeHandlerProxy",
                false, servlet);
        Object handler = open(servletWriter.getDeclaredField("tyrusHttpUpgradeHandler")).get(writer.get(protocolHandler));
        Object real = proxied.isInstance(handler) ? open(proxied.getDeclaredField("handler")).get(handler) : handler;
        Field webConnection = open(upgradeHandler.getDeclaredField("wc"));
        Object wc = webConnection.get(real);
        Field request = open(wc.getClass().getDeclaredField("request"));
        Method coyoteRequest = request.getType().getMethod("getCoyoteRequest");
        Method connection = coyoteRequest.getReturnType().getMethod("getConnection");
        ClassLoader grizzly = connection.getReturnType().getClassLoader();
        Class<?> connectionType = connection.getReturnType();
        Class<?> queueWriter = Class.forName("org.glassfish.grizzly.asyncqueue.AsyncQueueWriter", false, grizzly);
        Class<?> message = Class.forName("org.glassfish.grizzly.asyncqueue.WritableMessage", false, grizzly);
        Class<?> handlerType = Class.forName("org.glassfish.grizzly.CompletionHandler", false, grizzly);
        Class<?> cloner = Class.forName("org.glassfish.grizzly.asyncqueue.MessageCloner", false, grizzly);
        Class<?> memory = Class.forName("org.glassfish.grizzly.memory.MemoryManager", false, grizzly);
        Class<?> buffer = Class.forName("org.glassfish.grizzly.Buffer", false, grizzly);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle canWrite = lookup.findVirtual(queueWriter, "canWrite", MethodType.methodType(boolean.class, connectionType))
                .asType(MethodType.methodType(boolean.class, Object.class, Object.class));
        MethodHandle write = lookup.findVirtual(queueWriter, "write", MethodType.methodType(void.class, connectionType,
                Object.class, message, handlerType, cloner))
                .asType(MethodType.methodType(void.class, Object.class, Object.class, Object.class, Object.class,
                        Object.class, Object.class));
        MethodHandle allocate = lookup.findVirtual(memory, "allocate", MethodType.methodType(buffer, int.class))
                .asType(MethodType.methodType(Object.class, Object.class, int.class));
        MethodHandle put = lookup.findVirtual(buffer, "put", MethodType.methodType(buffer, ByteBuffer.class))
                .asType(MethodType.methodType(void.class, Object.class, ByteBuffer.class));
        MethodHandle flip = lookup.findVirtual(buffer, "flip", MethodType.methodType(buffer))
                .asType(MethodType.methodType(void.class, Object.class));
        MethodHandle allowDispose = lookup.findVirtual(buffer, "allowBufferDispose", MethodType.methodType(void.class,
                boolean.class)).asType(MethodType.methodType(void.class, Object.class, boolean.class));
        return new Paths(state, Enum.valueOf(states, "CONNECTED"), writer, servletWriter,
                open(servletWriter.getDeclaredField("queue")), open(servletWriter.getDeclaredField("tyrusHttpUpgradeHandler")),
                proxied, open(proxied.getDeclaredField("handler")), webConnection, request, coyoteRequest, connection,
                handlerType, canWrite, write, allocate, put, flip, allowDispose);
    }

    private static <T extends java.lang.reflect.AccessibleObject> T open(T member) {
        member.setAccessible(true);
        return member;
    }
}
