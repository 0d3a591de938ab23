package io.indobase.realtime.transport.tyrus;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * The Grizzly calls of a direct write, as method handles found once, and the connection's completion handler (a
 * proxy of Grizzly's interface): it completes the write in flight, the only one, since the outbox waits for it.
 */
final class GrizzlySink implements DirectFrames.Sink, InvocationHandler {

    private final DirectFrames.Paths paths;
    private final Object writer;
    private final Object connection;
    private final Object memory;
    private final Object handler;
    private volatile CompletableFuture<Void> pending;

    GrizzlySink(DirectFrames.Paths paths, Object writer, Object connection, Object memory) {
        this.paths = paths;
        this.writer = writer;
        this.connection = connection;
        this.memory = memory;
        this.handler = Proxy.newProxyInstance(paths.completionHandler().getClassLoader(),
                new Class<?>[]{paths.completionHandler()}, this);
    }

    @Override
    public boolean canWrite() {
        try {
            return (boolean) paths.canWrite().invokeExact(writer, connection);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(ByteBuffer frames, CompletableFuture<Void> done) {
        pending = done;
        try {
            // a buffer of Grizzly's own, not a wrap of ours: Grizzly may recycle a buffer it was given (its pools
            // and its buffer objects are reused), and ours are shared by other sockets' writes; seen in FloodIT as
            // lost frames and in BrokerKillUnderLoadIT as broken frames while our arrays were wrapped
            Object buffer = paths.allocate().invokeExact(memory, frames.remaining());
            paths.put().invokeExact(buffer, frames);
            paths.flip().invokeExact(buffer);
            paths.allowDispose().invokeExact(buffer, true);
            paths.write().invokeExact(writer, connection, (Object) null, buffer, handler, (Object) null);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Grizzly's CompletionHandler: completed, failed, cancelled (updated: a part written, nothing to do). */
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "completed" -> pending.complete(null);
            case "failed" -> pending.completeExceptionally((Throwable) args[0]);
            case "cancelled" -> pending.completeExceptionally(new CancellationException());
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "toString" -> {
                return "direct write of " + connection;
            }
            default -> {
                // updated: part of the write went out
            }
        }
        return null;
    }
}
