package io.indobase.realtime.delivery;

import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.TestBroker;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Publishes events e1, e2… at a steady rate with the Core JMS client, event i to project {@code group(i % groups)}
 * and readable by anyone. Each send is retried on a new connection until the broker confirms it (persistent, so
 * stored), for up to 90 s; a send cut by a broker kill may have been stored, and its retry carries the same duplicate
 * id, so the broker keeps it once. Keeps each event's JMS message id: the id clients see and resume from.
 * {@value #SENDERS} senders share the numbers, each on its own connection: one synchronous sender waits for each
 * journal write in turn and reached only about 160 events a second here (4 reached about 330, 16 about 380 with the
 * machine's two cores busy). Event i leaves only once event
 * i − groups, the one before it in its project, is confirmed, so each project's events are stored in order.
 */
final class SteadyPublisher implements AutoCloseable {

    static final int SENDERS = 16;

    private final ActiveMQConnectionFactory factory;
    private final int groups;
    private final int perSecond;
    private final AtomicReferenceArray<String> ids;
    /** e1 to e{published} are all confirmed. */
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private int next = 1;
    private boolean stopped;
    /** A sender gave up: the others stop too instead of waiting for its event. */
    private volatile boolean failed;
    private long paceStart;
    private int paceFrom;
    private long publishingNanos;
    /** The longest a send took, retries included: the outage, when the broker was killed. */
    private final AtomicLong longestSendNanos = new AtomicLong();

    /**
     * @param capacity the most events it may publish
     */
    SteadyPublisher(int port, int groups, int perSecond, int capacity) {
        if (groups < SENDERS) {
            throw new IllegalArgumentException("fewer projects than senders: order could not be kept");
        }
        this.factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port + "?callTimeout=5000");
        this.groups = groups;
        this.perSecond = perSecond;
        this.ids = new AtomicReferenceArray<>(capacity + 1);
    }

    /** The project of group g. */
    static String group(int g) {
        return "g" + g;
    }

    /** The group of socket or event i. */
    int groupOf(int i) {
        return i % groups;
    }

    /**
     * Publishes the next events at the steady rate while {@code goOn} holds for the number of the next one (and the
     * capacity allows); returns once every event it started is confirmed, so they are e1 to e{@link #published()}.
     */
    void publishWhile(IntPredicate goOn) {
        long start = System.nanoTime();
        synchronized (this) {
            stopped = false;
            paceStart = start;
            paceFrom = next;
        }
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < SENDERS; t++) {
                running.add(senders.submit(() -> sendWhile(goOn)));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            senders.shutdownNow();
        }
        publishingNanos += System.nanoTime() - start;
    }

    private void sendWhile(IntPredicate goOn) {
        try (Sender sender = new Sender()) {
            for (int i = take(goOn); i > 0; i = take(goOn)) {
                while (i > groups && ids.get(i - groups) == null) {
                    if (failed) {
                        return;
                    }
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200)); // the one before it in its project
                }
                sender.send(i);
                confirmed();
            }
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** The next number and the moment it is due; 0 when publishing stops. */
    private int take(IntPredicate goOn) {
        int i;
        long due;
        synchronized (this) {
            if (stopped || failed || next >= ids.length() || !goOn.test(next)) {
                stopped = true;
                return 0;
            }
            i = next++;
            due = paceStart + (i - paceFrom + 1) * (TimeUnit.SECONDS.toNanos(1) / perSecond);
        }
        long ahead = due - System.nanoTime();
        if (ahead > 0) {
            LockSupport.parkNanos(ahead); // the pace of the load, not a wait for a condition
        }
        return i;
    }

    /** Moves the confirmed prefix on over what the senders have confirmed. */
    private void confirmed() {
        int p = published.get();
        while (p + 1 < ids.length() && ids.get(p + 1) != null) {
            published.compareAndSet(p, p + 1);
            p = published.get();
        }
    }

    /** The rate reached: events confirmed a second of publishing, retries and outages included. */
    double rate() {
        return published.get() / (publishingNanos / 1e9);
    }

    /**
     * The rate reached outside the outage: as {@link #rate()}, without the longest send (the senders wait out a broker
     * kill together, so it is the outage's length).
     */
    double steadyRate() {
        return published.get() / ((publishingNanos - longestSendNanos.get()) / 1e9);
    }

    /** The longest a send took, in milliseconds, retries included. */
    long longestSendMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longestSendNanos.get());
    }

    /** How many events the broker has confirmed: e1 to e{published}. */
    int published() {
        return published.get();
    }

    /** The JMS message id of event i (for a send that was retried after a broker kill, maybe not the one stored). */
    String id(int i) {
        return ids.get(i);
    }

    int retries() {
        return retries.get();
    }

    /** The payload ids a socket of group g should have: those of the events of g from {@code from} to {@code to}. */
    List<String> expected(int g, int from, int to) {
        List<String> expected = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (groupOf(i) == g) {
                expected.add("e" + i);
            }
        }
        return expected;
    }

    /** One sender's connection, opened again after a failure. */
    private final class Sender implements AutoCloseable {

        private JMSContext context;

        void send(int i) {
            long began = System.nanoTime();
            long deadline = began + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                try {
                    if (context == null) {
                        context = factory.createContext(ArtemisProcess.USER, ArtemisProcess.USER);
                    }
                    TextMessage message = context.createTextMessage(DeliveryIT.event(group(groupOf(i)), "e" + i, "any", 0));
                    message.setStringProperty("_AMQ_DUPL_ID", "steady-e" + i);
                    context.createProducer().send(context.createTopic(TestBroker.TOPIC), message);
                    ids.set(i, message.getJMSMessageID());
                    longestSendNanos.accumulateAndGet(System.nanoTime() - began, Math::max);
                    return;
                } catch (JMSRuntimeException | JMSException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("e" + i + " could not be published within 90 s", e);
                    }
                    retries.incrementAndGet();
                    close();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // the retry's pace
                }
            }
        }

        @Override
        public void close() {
            if (context != null) {
                try {
                    context.close();
                } catch (JMSRuntimeException e) {
                    // the connection is already gone
                }
                context = null;
            }
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
