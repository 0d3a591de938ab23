package io.indobase.realtime.transport;

import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.identity.GroupRoles;
import io.indobase.realtime.identity.Revocations;
import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.limit.Limits;
import io.indobase.realtime.presence.Presences;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** Session services for unit tests: the real registry and limits, a given verifier, no API keys, no presence node. */
final class TestServices {

    /** Schedules on a thread of its own; {@code execute} runs inline, so what a session hands off is done on return. */
    private static final ScheduledExecutorService SCHEDULER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "test-scheduler");
        thread.setDaemon(true);
        return thread;
    }) {
        @Override
        public void execute(Runnable command) {
            command.run();
        }
    };

    private TestServices() {
    }

    static SessionServices of(SubscriptionRegistry registry, SessionVerifier verifier) {
        return of(registry, verifier, Limits.defaults(), new Presences());
    }

    static SessionServices of(SubscriptionRegistry registry, SessionVerifier verifier, Limits limits, Presences presences) {
        return of(registry, verifier, new Revocations(), limits, presences);
    }

    static SessionServices of(SubscriptionRegistry registry, SessionVerifier verifier, Revocations revocations) {
        return of(registry, verifier, revocations, Limits.defaults(), new Presences());
    }

    private static SessionServices of(SubscriptionRegistry registry, SessionVerifier verifier, Revocations revocations,
                                      Limits limits, Presences presences) {
        return SessionServices.of(registry, new SessionCredentials(verifier, new ApiKeyStore(), GroupRoles.DEFAULT, revocations),
                limits, SCHEDULER, presences);
    }
}
