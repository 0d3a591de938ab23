package io.indobase.realtime.transport;

import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.identity.GroupRoles;
import io.indobase.realtime.identity.Revocations;
import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.limit.Limits;
import io.indobase.realtime.presence.Presences;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every socket's protocol state needs from the node: the registry, the credential sources, the limits, a
 * scheduler (credential expiry) and presence. One bean, so the endpoint stays a thin boundary.
 */
@ApplicationScoped
public class SessionServices {

    @Inject
    SubscriptionRegistry registry;

    @Inject
    SessionVerifier verifier;

    @Inject
    ApiKeyStore keys;

    @Inject
    GroupRoles roles;

    @Inject
    Limits limits;

    @Inject
    Presences presences;

    @Inject
    Revocations revocations;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    private SessionCredentials credentials;

    SubscriptionRegistry registry() {
        return registry;
    }

    synchronized SessionCredentials credentials() {
        if (credentials == null) {
            credentials = new SessionCredentials(verifier, keys, roles, revocations);
        }
        return credentials;
    }

    Limits limits() {
        return limits;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Presences presences() {
        return presences;
    }

    /** The services of a socket outside a container: tests and tools. */
    static SessionServices of(SubscriptionRegistry registry, SessionCredentials credentials, Limits limits,
                              ScheduledExecutorService scheduler, Presences presences) {
        SessionServices services = new SessionServices();
        services.registry = registry;
        services.credentials = credentials;
        services.limits = limits;
        services.scheduler = scheduler;
        services.presences = presences;
        return services;
    }
}
