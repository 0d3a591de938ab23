package io.indobase.realtime.monitoring;

import io.indobase.realtime.health.EventsPathReadiness;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Startup;

/**
 * MicroProfile Health for the application itself (Payara reports "ready" even when a deployment failed):
 * started once the registry and the monitor are up, live while the registry answers, ready while an event
 * published on the topic comes back through this node's events consumer (that check is {@link EventsPathReadiness},
 * in a library jar: WildFly's health sees no check of an EAR's modules).
 */
@ApplicationScoped
public class HealthChecks {

    @Inject
    SubscriptionRegistry registry;

    @Inject
    RealtimeMonitor monitor;

    @Inject
    EventPathProbe probe;

    @Produces
    @Startup
    HealthCheck started() {
        return () -> HealthCheckResponse.named("realtime-started")
                .status(monitor.getOpenConnections() >= 0).build();
    }

    @Produces
    @Liveness
    HealthCheck registryAnswers() {
        return () -> HealthCheckResponse.named("realtime-registry")
                .up().withData("connections", registry.table().connectionCount()).build();
    }

    /** The readiness check lives in a library jar (EventsPathReadiness); it asks the probe from the start on. */
    void handOverTheProbe(@Observes @Initialized(ApplicationScoped.class) Object started) {
        EventsPathReadiness.use(probe::check);
    }
}
