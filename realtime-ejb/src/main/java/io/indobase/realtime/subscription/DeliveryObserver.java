package io.indobase.realtime.subscription;

import io.indobase.realtime.event.EventReceived;
import io.indobase.realtime.identity.Revocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Hands every received event to the registry, on the receiving thread so the topic's order is kept, with the live
 * role changes it causes applied around it ({@link AccountChanges}); the changes after a delivery apply even when it
 * failed. The nodes' internal messages (health probes, presence renewals) are not for clients.
 */
@ApplicationScoped
public class DeliveryObserver {

    @Inject
    SubscriptionRegistry registry;

    @Inject
    Revocations revocations = new Revocations();

    void onEvent(@Observes EventReceived received) {
        if (received.isInternal()) {
            return;
        }
        AccountChanges changes = AccountChanges.of(received.envelope(), registry, revocations);
        try {
            changes.before();
            registry.deliver(received.id(), received.envelope());
        } finally {
            // a revocation or a lost role must apply even when the delivery failed on a defect
            changes.after();
        }
    }
}
