package io.indobase.realtime.event;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes envelopes on the events topic, with the broker address and account the events MDB uses, through the
 * Artemis JMS client the resource adapter brings. Used by the health probe and the HTTP ingest; a call that cannot
 * reach the broker fails within {@code timeoutMillis} with a {@link jakarta.jms.JMSRuntimeException}.
 */
@ApplicationScoped
public class TopicPublisher {

    public static final String TOPIC = "indobase.realtime.events";

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
    @ConfigProperty(name = "realtime.health.probe-timeout-ms")
    long timeoutMillis;

    private ActiveMQConnectionFactory factory;

    /** Sends one envelope as a JMS text message, not persisted (the topic's subscribers are not durable). */
    public void publish(String envelope) {
        try (JMSContext context = factory().createContext(user, password)) {
            context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(context.createTopic(TOPIC), envelope);
        }
    }

    /** The broker's host and port, for log lines. */
    public String brokerAddress() {
        Map<String, Object> parameters = parameters();
        return parameters.get("host") + ":" + parameters.get("port");
    }

    private synchronized ActiveMQConnectionFactory factory() {
        if (factory == null) {
            TransportConfiguration transport = new TransportConfiguration(NettyConnectorFactory.class.getName(), parameters());
            factory = ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.CF, transport);
            factory.setInitialConnectAttempts(1);
            factory.setReconnectAttempts(0);
            factory.setCallTimeout(timeoutMillis);
        }
        return factory;
    }

    @PreDestroy
    synchronized void close() {
        if (factory != null) {
            factory.close();
        }
    }

    /** {@code host=127.0.0.1;port=61616} as the connector's parameter map. */
    private Map<String, Object> parameters() {
        Map<String, Object> map = new HashMap<>();
        for (String pair : connectionParameters.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return map;
    }
}
