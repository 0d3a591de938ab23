package io.indobase.realtime.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while an event published on the topic comes back through this node's events consumer: the test itself is the
 * core's ({@code EventPathProbe}), which hands it over with {@link #use} once it starts; until then, not ready. In a
 * jar of its own because WildFly's MicroProfile Health looks for checks only where an EAR's library jars are seen: a
 * check in the EJB module or the WAR never reached its {@code /health/ready}. Payara finds it there too.
 */
@Readiness
@ApplicationScoped
public class EventsPathReadiness implements HealthCheck {

    static final String NAME = "realtime-events-consumer";
    static final String TOPIC = "indobase.realtime.events";

    private static volatile BooleanSupplier probe;

    /** The core's probe of the events path; once per deployment, before the node is to be ready. */
    public static void use(BooleanSupplier eventsPathWorks) {
        probe = eventsPathWorks;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(ready()).withData("topic", TOPIC).build();
    }

    /** Not before the core handed its probe over, then whatever the probe says. */
    static boolean ready() {
        BooleanSupplier current = probe;
        return current != null && current.getAsBoolean();
    }
}
