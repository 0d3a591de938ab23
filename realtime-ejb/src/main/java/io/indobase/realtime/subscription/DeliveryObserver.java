package io.indobase.realtime.subscription;

import io.indobase.realtime.event.EventReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Hands every received event to the registry, on the receiving thread so the topic's order is kept. A node's own
 * health probes are not for clients.
 */
@ApplicationScoped
public class DeliveryObserver {

    @Inject
    SubscriptionRegistry registry;

    void onEvent(@Observes EventReceived received) {
        if (!received.isProbe()) {
            registry.deliver(received.id(), received.envelope());
        }
    }
}
