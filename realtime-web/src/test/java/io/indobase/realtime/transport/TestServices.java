package io.indobase.realtime.transport;

import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.identity.GroupRoles;
import io.indobase.realtime.identity.Revocations;
import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.limit.Limits;
import io.indobase.realtime.presence.Presences;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Session services for unit tests: the real registry and limits, a given verifier, no API keys, no presence node. */
final class TestServices {

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "test-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    private TestServices() {
    }

    static SessionServices of(SubscriptionRegistry registry, SessionVerifier verifier) {
        return of(registry, verifier, Limits.defaults(), new Presences());
    }

    static SessionServices of(SubscriptionRegistry registry, SessionVerifier verifier, Limits limits, Presences presences) {
        return SessionServices.of(registry, new SessionCredentials(verifier, new ApiKeyStore(), GroupRoles.DEFAULT, new Revocations()), limits,
                SCHEDULER, presences);
    }
}
