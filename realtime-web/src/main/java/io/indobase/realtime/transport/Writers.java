package io.indobase.realtime.transport;

import io.indobase.realtime.subscription.FanOut;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import io.indobase.realtime.transport.tyrus.FrameEncoder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The threads that write the sockets' frames ({@code realtime.transport.writer-threads}, by default one per
 * processor). Whoever queues a frame (the events MDB, a socket's own thread) only marks its outbox ready; a writer
 * then sends everything that outbox holds in one write. While the writers keep up, that is one frame a write; when
 * they fall behind (a burst of events, thousands of recipients), the frames queued for a socket meanwhile go out
 * together, so the cost per frame falls as the load rises, and the thread that delivers events never waits for a
 * socket. Each outbox is written by one writer at a time, in order. Once the application stops, whoever queues
 * writes the frames itself. While the registry hands out an event's frames ({@link FanOut}), the writers are woken
 * once, at the end, not for each frame: on one CPU each wake-up switched threads twice a frame.
 *
 * <p>The delivering thread may run at most {@value #MAX_LAG} events ahead of a writer that has work: past that it
 * waits at the end of an event's fan-out (up to {@value #MAX_WAIT_MS} ms) for the writers to catch up. Without that
 * wait a flood of events went into the outboxes faster than the writers sent them, and every socket, however healthy,
 * was cut off as a slow consumer; with it the node takes events at the pace it sends them and the backlog waits on the
 * broker (docs/delivery.md, "Overload"). A socket whose client stalls holds its write in flight, out of the writers'
 * queues, so it never holds the others back.
 */
@ApplicationScoped
public class Writers implements FanOut {

    private static final Logger LOG = Logger.getLogger(Writers.class.getName());
    static final int MAX_LAG = 64;
    static final long MAX_WAIT_MS = 10_000;
    /** How long writers keep serving after the application began to stop: the closes of the shutdown go through them. */
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "realtime.transport.writer-threads")
    int configuredThreads;

    @Inject
    SubscriptionRegistry registry;

    private Writer[] writers = new Writer[0];
    private final AtomicInteger turn = new AtomicInteger();
    private volatile long stoppingSince;
    /** The registry is handing out an event's frames: writers are woken when it is done. */
    private volatile boolean fanningOut;
    /** Events handed out so far (written by the delivering thread only). */
    private volatile long generation;

    @PostConstruct
    void start() {
        int count = configuredThreads > 0 ? configuredThreads : Runtime.getRuntime().availableProcessors();
        ThreadFactory factory = threadFactory != null ? threadFactory : Thread::new;
        Writer[] started = new Writer[count];
        for (int i = 0; i < count; i++) {
            started[i] = new Writer();
            Thread thread = factory.newThread(started[i]);
            thread.setName("realtime-writer-" + i);
            thread.setDaemon(true);
            started[i].thread = thread;
        }
        writers = started;
        for (Writer writer : started) {
            writer.thread.start();
        }
        registry.fanOut(this);
        LOG.log(Level.INFO, "RT-TRN-012 {0} writer thread(s) send the sockets'' frames", count);
    }

    /** A writer for a new outbox: in turn, so the sockets spread evenly. */
    OutboxWriter assign() {
        Writer[] all = writers;
        return all.length == 0 ? null : all[Math.floorMod(turn.getAndIncrement(), all.length)];
    }

    @Override
    public void begin() {
        fanningOut = true;
    }

    @Override
    public void end() {
        fanningOut = false;
        long handedOut = ++generation;
        for (Writer writer : writers) {
            writer.wake();
        }
        if (handedOut - caughtUp(handedOut) > MAX_LAG) {
            awaitWriters(handedOut);
        }
    }

    /** The oldest event a writer with work has not yet got past; an idle writer is up to date. */
    private long caughtUp(long handedOut) {
        long oldest = handedOut;
        for (Writer writer : writers) {
            oldest = Math.min(oldest, writer.ready.isEmpty() ? handedOut : writer.caughtUp);
        }
        return oldest;
    }

    private void awaitWriters(long handedOut) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MS);
        while (handedOut - caughtUp(handedOut) > MAX_LAG / 2) {
            if (System.nanoTime() > deadline || stoppingSince != 0) {
                LOG.log(Level.WARNING, "RT-TRN-015 the writers stayed more than {0} events behind for {1} ms; delivering on",
                        new Object[]{MAX_LAG, MAX_WAIT_MS});
                return;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200)); // the writers' pace, polled
        }
    }

    @PreDestroy
    void stop() {
        stoppingSince = System.nanoTime() | 1;
        try {
            registry.fanOut(null);
        } catch (RuntimeException e) {
            // the registry may be gone already: it tells no one any more either way
        }
    }

    /** One writer thread and the outboxes ready for it. */
    final class Writer implements Runnable, OutboxWriter {

        private final Queue<SessionOutbox> ready = new ConcurrentLinkedQueue<>();
        private final FrameEncoder encoder = new FrameEncoder();
        private volatile boolean parked;
        /** The last event after whose fan-out this writer found its queue empty. */
        private volatile long caughtUp;
        private Thread thread;

        @Override
        public boolean submit(SessionOutbox outbox) {
            if (stoppingSince != 0) {
                return false;
            }
            ready.add(outbox);
            if (!fanningOut) {
                wake();
            }
            return true;
        }

        /** Unparks the thread if it waits and has work (a writer that checks for work after parking sees it). */
        void wake() {
            if (parked && !ready.isEmpty()) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            while (!done()) {
                long seen = generation; // read before the queue: work of a later event is found in it
                SessionOutbox outbox = ready.poll();
                if (outbox != null) {
                    write(outbox);
                    continue;
                }
                caughtUp = seen;
                parked = true;
                if (ready.isEmpty()) {
                    LockSupport.parkNanos(stoppingSince == 0 ? TimeUnit.SECONDS.toNanos(1) : TimeUnit.MILLISECONDS.toNanos(10));
                }
                parked = false;
            }
        }

        private boolean done() {
            long since = stoppingSince;
            return since != 0 && ready.isEmpty() && System.nanoTime() - since > LINGER_NANOS;
        }

        private void write(SessionOutbox outbox) {
            try {
                outbox.writeReady(encoder);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "RT-TRN-013 a writer failed on one socket; it goes on with the others", e);
            }
        }
    }
}
