package io.indobase.realtime.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broker list of {@code realtime.jms.connection-parameters}, as the publisher reads it. */
class TopicPublisherTest {

    @Test
    void oneBrokerGivesOneConnector() {
        assertEquals(List.of(Map.of("host", "127.0.0.1", "port", "61616")), TopicPublisher.brokers("host=127.0.0.1;port=61616"));
    }

    @Test
    void commaSeparatedBrokersGiveOneConnectorEachInTheirOrder() {
        assertEquals(List.of(Map.of("host", "a", "port", "61616"), Map.of("host", "b", "port", "61617", "sslEnabled", "true")),
                TopicPublisher.brokers(" host=a;port=61616 , host=b;port=61617;sslEnabled=true"));
    }
}
