package io.indobase.realtime.event;

import io.indobase.realtime.stats.RealtimeStats;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The JMS boundary: one subscription per node to the events topic through the Artemis resource adapter
 * (non-durable unless {@code realtime.jms.subscription-durability} says {@code Durable}). It decodes each message and fires {@link EventReceived}; a malformed message is logged with its reason
 * and dropped, so it never blocks the messages behind it. One session keeps the topic's order.
 *
 * <p>Payara expands {@code ${MPCONFIG=key:default}} in the activation config when it deploys the bean, from the
 * server's configuration (system properties, environment, {@code asadmin set-config-property}), not from the
 * application's own properties file: the defaults therefore stand here, and a test keeps them equal to the file.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=realtime.jms.resource-adapter:artemis-rar}"),
        // the adapter applies connectionParameters only together with connectorClassName
        @ActivationConfigProperty(propertyName = "connectorClassName",
                propertyValue = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory"),
        @ActivationConfigProperty(propertyName = "connectionParameters", propertyValue = "${MPCONFIG=realtime.jms.connection-parameters:host=127.0.0.1;port=61616}"),
        @ActivationConfigProperty(propertyName = "user", propertyValue = "${MPCONFIG=realtime.jms.user:realtime}"),
        @ActivationConfigProperty(propertyName = "password", propertyValue = "${MPCONFIG=realtime.jms.password:realtime}"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "indobase.realtime.events"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        // Durable: the broker keeps what is published while this node is away (docs/delivery.md); the queue is
        // <clientID>.<subscriptionName>, so every node needs its own client id
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "${MPCONFIG=realtime.jms.subscription-durability:NonDurable}"),
        @ActivationConfigProperty(propertyName = "clientID", propertyValue = "${MPCONFIG=realtime.jms.client-id:indobase-realtime}"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "${MPCONFIG=realtime.jms.subscription-name:events}"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class EventsMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EventsMdb.class.getName());

    @Inject
    Event<EventReceived> received;

    @Inject
    RealtimeStats stats;

    @Inject
    @ConfigProperty(name = "realtime.events.max-envelope-bytes")
    int maxEnvelopeBytes = 1_048_576;

    @Override
    public void onMessage(Message message) {
        long receivedNanos = System.nanoTime();
        try {
            Envelope envelope = EnvelopeReader.read(body(message), Instant.now(), maxEnvelopeBytes);
            EventReceived event = new EventReceived(EventIds.of(message), envelope, receivedNanos);
            if (!event.isInternal()) {
                stats.eventReceived();
            }
            received.fire(event);
        } catch (MalformedEnvelopeException e) {
            stats.dropped(RealtimeStats.Drop.MALFORMED, 1);
            LOG.log(Level.WARNING, "RT-EVT-001 dropped malformed envelope {0}: {1}",
                    new Object[]{messageId(message), e.getMessage()});
        } catch (JMSException e) {
            stats.dropped(RealtimeStats.Drop.MALFORMED, 1);
            LOG.log(Level.WARNING, "RT-EVT-002 dropped unreadable message " + messageId(message), e);
        } catch (RuntimeException e) {
            // a defect downstream must not roll the message back: redelivery would repeat it and stall the topic
            stats.dropped(RealtimeStats.Drop.FAILED, 1);
            LOG.log(Level.SEVERE, "RT-EVT-003 delivering message " + messageId(message) + " failed; dropped", e);
        }
    }

    private String body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            return utf8(bytes.getBody(byte[].class));
        }
        throw new MalformedEnvelopeException("expected a text or bytes message, got " + message.getClass().getSimpleName());
    }

    /** Strict: bytes that are not UTF-8 are refused, not turned into replacement characters the clients would see. */
    private String utf8(byte[] body) {
        if (body == null) {
            return null;
        }
        if (body.length > maxEnvelopeBytes) {
            throw new MalformedEnvelopeException("envelope is " + body.length + " bytes, over realtime.events.max-envelope-bytes ("
                    + maxEnvelopeBytes + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEnvelopeException("the body is not UTF-8 text");
        }
    }

    private static String messageId(Message message) {
        try {
            String id = message.getJMSMessageID();
            return id == null ? "(no id)" : id;
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
