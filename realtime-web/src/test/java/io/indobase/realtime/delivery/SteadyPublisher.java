package io.indobase.realtime.delivery;

import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.TestBroker;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Publishes events e1, e2… at a steady rate with the Core JMS client, event i to project {@code group(i % groups)}
 * and readable by anyone. Each send is retried on a new connection until the broker confirms it (persistent, so
 * stored), for up to 90 s; a send cut by a broker kill may have been stored, and its retry carries the same duplicate
 * id, so the broker keeps it once. Keeps each event's JMS message id: the id clients see and resume from.
 */
final class SteadyPublisher implements AutoCloseable {

    private final ActiveMQConnectionFactory factory;
    private final int groups;
    private final int perSecond;
    private final AtomicReferenceArray<String> ids;
    private final AtomicInteger published = new AtomicInteger();
    private JMSContext context;
    private int retries;
    private long publishingNanos;

    /**
     * @param capacity the most events it may publish
     */
    SteadyPublisher(int port, int groups, int perSecond, int capacity) {
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
     * capacity allows).
     */
    void publishWhile(IntPredicate goOn) {
        long start = System.nanoTime();
        long next = start;
        for (int i = published.get() + 1; i < ids.length() && goOn.test(i); i++) {
            next += TimeUnit.SECONDS.toNanos(1) / perSecond;
            send(i);
            published.set(i);
            long ahead = next - System.nanoTime();
            if (ahead > 0) {
                LockSupport.parkNanos(ahead); // the pace of the load, not a wait for a condition
            }
        }
        publishingNanos += System.nanoTime() - start;
    }

    /** The rate reached: events confirmed a second of publishing, retries and outages included. */
    double rate() {
        return published.get() / (publishingNanos / 1e9);
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
        return retries;
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

    private void send(int i) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                if (context == null) {
                    context = factory.createContext(ArtemisProcess.USER, ArtemisProcess.USER);
                }
                TextMessage message = context.createTextMessage(DeliveryIT.event(group(groupOf(i)), "e" + i, "any", 0));
                message.setStringProperty("_AMQ_DUPL_ID", "steady-e" + i);
                context.createProducer().send(context.createTopic(TestBroker.TOPIC), message);
                ids.set(i, message.getJMSMessageID());
                return;
            } catch (JMSRuntimeException | JMSException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("e" + i + " could not be published within 90 s", e);
                }
                retries++;
                disconnect();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // the retry's pace
            }
        }
    }

    @Override
    public void close() {
        disconnect();
        factory.close();
    }

    private void disconnect() {
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
