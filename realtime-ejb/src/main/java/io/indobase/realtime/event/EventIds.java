package io.indobase.realtime.event;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;

/**
 * The id of an event, taken from its message so that every node fed by the same topic gives an event the same id
 * (docs/delivery.md, "Event ids"): the producer's JMS message id when it set one (Core JMS and AMQP JMS clients do:
 * a UUID, kept across an Artemis cluster), otherwise the id the broker gave the message ({@code broker:<n>}: the
 * same for every subscription of that broker, unique within its journal).
 */
public final class EventIds {

    /** The prefix of ids the broker assigned. */
    public static final String BROKER = "broker:";

    private EventIds() {
    }

    /** @return the id, or null when the message carries neither kind (a JMS provider other than Artemis) */
    public static String of(Message message) {
        try {
            String producerId = message.getJMSMessageID();
            if (producerId != null && !producerId.isEmpty()) {
                return producerId;
            }
        } catch (JMSException e) {
            // fall back to the broker's id
        }
        if (message instanceof ActiveMQMessage artemis && artemis.getCoreMessage() != null) {
            return BROKER + artemis.getCoreMessage().getMessageID();
        }
        return null;
    }
}
