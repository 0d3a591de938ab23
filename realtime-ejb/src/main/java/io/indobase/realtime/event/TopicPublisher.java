package io.indobase.realtime.event;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes envelopes on the events topic from this node, with the broker address and account the events MDB uses,
 * through the Artemis JMS client classes the resource adapter provides. One connection is kept and shared (sends are
 * serialised); a send that fails is retried once on a fresh connection, so a restarted broker costs one attempt.
 * Sends are non-persistent and wait for the broker's acknowledgement, so a failure is reported to the caller. With
 * several brokers listed (comma-separated, as the resource adapter takes them), a fresh connection goes to any that
 * answers: the other broker of a cluster, the backup of an HA pair that took over (docs/scaling.md).
 */
@ApplicationScoped
public class TopicPublisher {

    /** The Artemis multicast address every node's events MDB subscribes to. */
    public static final String TOPIC = "indobase.realtime.events";
    private static final Logger LOG = Logger.getLogger(TopicPublisher.class.getName());

    private final ReentrantLock lock = new ReentrantLock();
    private ActiveMQConnectionFactory factory;
    private JMSContext context;
    private JMSProducer producer;
    private Topic topic;
    private volatile boolean stopped;

    @Inject
    @ConfigProperty(name = "realtime.jms.connection-parameters")
    String connectionParameters;

    @Inject
    @ConfigProperty(name = "realtime.jms.user")
    String user;

    @Inject
    @ConfigProperty(name = "realtime.jms.password")
    String password;

    @Inject
    @ConfigProperty(name = "realtime.jms.publish-timeout-ms")
    long timeoutMillis;

    /**
     * Creates the bean while the application starts. Payara resolves {@code @ConfigProperty} in the application of
     * the calling thread: created lazily on a health-check thread, this bean would not see the application's
     * defaults. Connecting still waits for the first publish.
     */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.log(Level.FINE, "RT-EVT-012 publisher for {0} ready", brokerAddress());
    }

    /** @throws BrokerUnavailableException when the broker cannot be reached or refuses the message */
    public void publish(JsonObject envelope) {
        publish(envelope.toString());
    }

    /** @throws BrokerUnavailableException when the broker cannot be reached or refuses the message */
    public void publish(String envelope) {
        if (stopped) {
            throw new BrokerUnavailableException("the application is stopping: nothing more is published from this node", null);
        }
        lock.lock();
        try {
            try {
                send(envelope);
            } catch (JMSRuntimeException first) {
                LOG.log(Level.FINE, "RT-EVT-010 publishing failed, retrying once on a new connection", first);
                disconnect();
                send(envelope);
            }
        } catch (JMSRuntimeException e) {
            disconnect();
            throw new BrokerUnavailableException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** {@code host:port} of the brokers, comma-separated, for messages. */
    public String brokerAddress() {
        return brokers(connectionParameters).stream().map(p -> p.get("host") + ":" + p.get("port"))
                .collect(Collectors.joining(","));
    }

    private void send(String envelope) {
        if (context == null) {
            connect();
        }
        producer.send(topic, envelope);
    }

    private void connect() {
        TransportConfiguration[] transports = brokers(connectionParameters).stream()
                .map(p -> new TransportConfiguration(NettyConnectorFactory.class.getName(), p))
                .toArray(TransportConfiguration[]::new);
        factory = ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.CF, transports);
        factory.setInitialConnectAttempts(1); // per listed broker: each is tried once before the send fails
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(timeoutMillis);
        factory.setBlockOnNonDurableSend(true);
        try {
            context = factory.createContext(user, password);
            topic = context.createTopic(TOPIC);
            producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        } catch (JMSRuntimeException e) {
            disconnect();
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        disconnect();
    }

    void disconnect() {
        lock.lock();
        try {
            if (context != null) {
                context.close();
            }
        } catch (JMSRuntimeException e) {
            LOG.log(Level.FINE, "RT-EVT-011 closing the publishing connection failed", e);
        } finally {
            if (factory != null) {
                factory.close();
            }
            context = null;
            producer = null;
            topic = null;
            factory = null;
            lock.unlock();
        }
    }

    /** {@code host=a;port=61616,host=b;port=61616} as one connector parameter map per broker. */
    static List<Map<String, Object>> brokers(String connectionParameters) {
        List<Map<String, Object>> brokers = new ArrayList<>();
        for (String broker : connectionParameters.split(",")) {
            Map<String, Object> map = new HashMap<>();
            for (String pair : broker.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            if (!map.isEmpty()) {
                brokers.add(map);
            }
        }
        return brokers;
    }
}
