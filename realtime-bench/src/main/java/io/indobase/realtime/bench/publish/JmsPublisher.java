package io.indobase.realtime.bench.publish;

import io.indobase.realtime.bench.load.Markers;
import io.indobase.realtime.bench.peer.OursPeer;
import io.indobase.realtime.bench.peer.StompPeer;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Publishes envelopes (docs/envelope.md) on the events topic with the Core JMS client, as an indobase service
 * does: the same path feeds our node's MDB and Artemis's STOMP subscribers. Non-persistent, as the peers keep events
 * in memory only. With {@code buckets} > 0 event {@code seq} is a file of bucket {@code OursPeer.bucket(seq, buckets)}
 * (for subscribers spread over buckets), else of bucket {@code bench}.
 */
public final class JmsPublisher implements Publisher {

    private final ActiveMQConnectionFactory factory;
    private final JMSContext context;
    private final JMSProducer producer;
    private final Topic topic;
    private final String pad;
    private final int buckets;

    public JmsPublisher(int brokerPort, String user, int padBytes) {
        this(brokerPort, user, padBytes, 0);
    }

    public JmsPublisher(int brokerPort, String user, int padBytes, int buckets) {
        this.buckets = buckets;
        this.factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort);
        this.context = factory.createContext(user, user);
        this.producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        this.topic = context.createTopic(StompPeer.TOPIC);
        this.pad = Publisher.pad(padBytes);
    }

    /** The envelope: read by {@code any} without teams, else by the first {@code k} teams (all of them: {@code users}). */
    static String envelope(long seq, long intendedNanos, int readableTeams, int teams, String pad) {
        return envelope("bench", seq, intendedNanos, readableTeams, teams, pad);
    }

    static String envelope(String bucket, long seq, long intendedNanos, int readableTeams, int teams, String pad) {
        StringBuilder permissions = new StringBuilder();
        if (teams <= 0) {
            permissions.append("\"read(\\\"any\\\")\"");
        } else if (readableTeams >= teams) {
            permissions.append("\"read(\\\"users\\\")\"");
        } else {
            for (int t = 0; t < readableTeams; t++) {
                permissions.append(t == 0 ? "" : ",").append("\"read(\\\"team:t").append(t).append("\\\")\"");
            }
        }
        return "{\"project\":\"" + OursPeer.PROJECT + "\",\"event\":\"buckets." + bucket + ".files.f" + seq + ".create\","
                + "\"payload\":{" + Markers.fields(seq, intendedNanos, teams <= 0 ? 0 : readableTeams)
                + ",\"$id\":\"f" + seq + "\",\"bucketId\":\"" + bucket + "\",\"pad\":\"" + pad + "\"},"
                + "\"permissions\":[" + permissions + "]}";
    }

    @Override
    public void publish(long seq, long intendedNanos, int readableTeams, int teams) {
        String bucket = buckets > 0 ? OursPeer.bucket(seq, buckets) : "bench";
        producer.send(topic, envelope(bucket, seq, intendedNanos, readableTeams, teams, pad));
    }

    @Override
    public void close() {
        context.close();
        factory.close();
    }
}
