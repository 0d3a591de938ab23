package io.indobase.realtime.transport.tyrus;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The idle timer of a session without an idle timeout. Tyrus re-arms a session's idle timer on every frame in or
 * out — pings and pongs included — by submitting a task to the container's managed scheduler, even when the timeout
 * is 0 and the task does nothing; on Payara each submission scans the class path for context providers. With 10k
 * sockets, the heartbeat's pings and their pongs alone kept a core busy (ADR 0009). A session whose idle timeout is 0
 * gets this scheduler instead, which schedules nothing. Without Tyrus's field, nothing changes (logged once).
 */
public final class NoIdleTimer extends AbstractExecutorService implements ScheduledExecutorService {

    private static final Logger LOG = Logger.getLogger(NoIdleTimer.class.getName());
    private static final NoIdleTimer INSTANCE = new NoIdleTimer();
    /** The timer that never fires. */
    static final ScheduledFuture<?> NOTHING = Nothing.FUTURE;
    private static volatile Field field;
    private static volatile boolean unavailable;
    private static volatile boolean containerDone;

    private NoIdleTimer() {
    }

    /** Gives the session this timer when its idle timeout is 0; false when that is not possible here. */
    public static boolean install(Session session) {
        if (!containerDone) {
            filterContainer(session.getContainer());
        }
        if (session.getMaxIdleTimeout() != 0) {
            return false;
        }
        Field f = field(session);
        if (f == null) {
            return false;
        }
        try {
            f.set(session, INSTANCE);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Once: the container's scheduler, as the sessions made from now on get it, drops their first idle timer when
     * it would do nothing ({@link IdleCommandFilter}). Tyrus's {@code BaseContainer} keeps it in a final field.
     */
    private static synchronized void filterContainer(Object container) {
        if (containerDone) {
            return;
        }
        containerDone = true;
        try {
            for (Class<?> type = container.getClass(); type != null; type = type.getSuperclass()) {
                if (type.getName().equals("org.glassfish.tyrus.core.BaseContainer")) {
                    Field managed = type.getDeclaredField("managedScheduledExecutorService");
                    managed.setAccessible(true);
                    if (managed.get(container) instanceof ScheduledExecutorService scheduler
                            && !(scheduler instanceof IdleCommandFilter)) {
                        managed.set(container, new IdleCommandFilter(scheduler));
                        LOG.log(Level.INFO, "RT-TRN-009 new sessions' idle timers without a timeout are not scheduled");
                    }
                    return;
                }
            }
            LOG.log(Level.INFO, "RT-TRN-009 new sessions keep the container's first idle timer (no Tyrus BaseContainer)");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "RT-TRN-009 new sessions keep the container's first idle timer (" + e + ")");
        }
    }

    private static Field field(Session session) {
        Field f = field;
        if (f != null || unavailable) {
            return f;
        }
        synchronized (NoIdleTimer.class) {
            if (field == null && !unavailable) {
                try {
                    Field service = session.getClass().getDeclaredField("service");
                    if (service.getType() != ScheduledExecutorService.class) {
                        throw new NoSuchFieldException("service is a " + service.getType());
                    }
                    service.setAccessible(true);
                    field = service;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    unavailable = true;
                    LOG.log(Level.INFO, "RT-TRN-009 sessions keep the container's idle timer (" + e + ")");
                }
            }
            return field;
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return Nothing.FUTURE;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("an idle timer without an idle timeout");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("an idle timer without an idle timeout");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("an idle timer without an idle timeout");
    }

    @Override
    public void execute(Runnable command) {
        throw new UnsupportedOperationException("an idle timer without an idle timeout");
    }

    @Override
    public void shutdown() {
        // shared, never shut down
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }

    /** The timer that never fires: already cancelled. */
    private static final class Nothing implements ScheduledFuture<Object> {

        static final Nothing FUTURE = new Nothing();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
