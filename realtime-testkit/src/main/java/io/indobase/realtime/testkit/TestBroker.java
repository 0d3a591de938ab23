package io.indobase.realtime.testkit;

import jakarta.jms.JMSContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Artemis broker in the test JVM, listening on loopback at {@code it.broker.port}, and a JMS publisher to
 * the events topic. Register it before the Arquillian extension: the deployment's MDB connects while it deploys.
 */
public class TestBroker implements BeforeAllCallback, AfterAllCallback {

    public static final String TOPIC = "indobase.realtime.events";
    private static EmbeddedActiveMQ broker;
    /**
     * Artemis's audit log (a line per message sent, consumed and acknowledged) went to the test output at INFO: tens of
     * thousands of lines a run. Held here, as JUL keeps loggers only weakly.
     */
    private static final Logger AUDIT = quiet("org.apache.activemq.audit");

    public static String url() {
        return "tcp://127.0.0.1:" + Integer.getInteger("it.broker.port", 61626);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", url()));
        broker.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    /** Publishes one text message on the events topic. */
    public static void publish(String body) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url());
             JMSContext context = factory.createContext()) {
            context.createProducer().send(context.createTopic(TOPIC), body);
        }
    }
}
