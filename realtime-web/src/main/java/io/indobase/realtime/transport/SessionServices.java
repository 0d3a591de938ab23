package io.indobase.realtime.transport;

import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.identity.GroupRoles;
import io.indobase.realtime.identity.Revocations;
import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.limit.Limits;
import io.indobase.realtime.presence.Presences;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

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

    @Resource
    ManagedThreadFactory threadFactory;

    /** The sockets' own timers (credential expiry, a refused socket's close): nothing in them needs the container. */
    private ScheduledExecutorService timers;

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

    /** The container's scheduler: for work that may publish (a closed socket's presences). */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * A plain scheduler for the sockets' timers, made once: Payara's managed scheduler captures the thread context
     * at every submission, a scan of the class path for context providers, which was a tenth of a handshake's CPU.
     * Cancelled timers leave its queue at once.
     */
    synchronized ScheduledExecutorService timers() {
        if (timers == null) {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = threadFactory != null ? threadFactory.newThread(task) : new Thread(task);
                thread.setName("realtime-timers");
                thread.setDaemon(true);
                return thread;
            });
            pool.setRemoveOnCancelPolicy(true);
            timers = pool;
        }
        return timers;
    }

    @PreDestroy
    synchronized void stop() {
        if (timers != null && timers != scheduler) {
            timers.shutdownNow();
        }
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
        services.timers = scheduler;
        services.presences = presences;
        return services;
    }
}
