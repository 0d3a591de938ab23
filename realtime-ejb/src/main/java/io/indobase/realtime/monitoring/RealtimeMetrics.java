package io.indobase.realtime.monitoring;

import io.indobase.realtime.identity.Revocations;
import io.indobase.realtime.replay.ReplayWindow;
import io.indobase.realtime.replay.Resumption;
import io.indobase.realtime.stats.LatencyHistogram;
import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the node's figures on the server's metrics endpoint: MicroProfile Metrics ({@code /metrics?scope=application})
 * on Payara, Micrometer's Prometheus registry on WildFly, through each {@link Gauges} adapter the server satisfies (none:
 * the figures stay on JMX, logged once). Every metric is a gauge reading {@link RealtimeStats} or the registry when scraped, so the delivery path pays
 * nothing for metrics. Per-project connection gauges follow the projects present, refreshed every 10 seconds.
 */
@Singleton
@Startup
public class RealtimeMetrics {

    static final String PROJECT_CONNECTIONS = "realtime.project.connections";
    /** Project names come from clients: beyond this many, projects get no series of their own. */
    static final int MAX_PROJECT_SERIES = 1000;
    private static final Logger LOG = Logger.getLogger(RealtimeMetrics.class.getName());

    @Inject
    Instance<Gauges> registries;

    @Inject
    SubscriptionRegistry registry;

    @Inject
    ReplayWindow window;

    @Inject
    RealtimeStats stats;

    @Inject
    Revocations revocations;

    private final Set<String> projects = new HashSet<>();
    private List<Gauges> metrics = List.of();

    @PostConstruct
    void register() {
        metrics = registries.stream().toList();
        if (metrics.isEmpty()) {
            LOG.warning("RT-MON-006 the server offers neither MicroProfile Metrics nor Micrometer: the figures are on JMX only");
        } else {
            LOG.log(Level.INFO, "RT-MON-007 metrics through {0}",
                    metrics.stream().map(gauges -> gauges.getClass().getSimpleName()).toList());
        }
        // a registry kept across a redeploy would otherwise hand back gauges bound to the old deployment
        unregister();
        // the endpoint reads the gauges on its own thread, where this application's configuration is not visible: a
        // bean first created there fails on its @ConfigProperty and the whole scrape answers 500, so create them here
        window.heldEvents();
        registry.table();
        revocations.evicted();
        gauge("realtime.connections", "Open WebSocket connections", () -> registry.table().connectionCount());
        gauge("realtime.subscriptions", "Subscriptions of the open connections", () -> registry.table().subscriptionCount());
        gauge("realtime.events.received", "Events received from the topic (counter)", stats::eventsReceived);
        gauge("realtime.events.delivered", "Events handed to at least one connection (counter)", stats::eventsDelivered);
        gauge("realtime.events.unmatched", "Events no connection subscribed to or may read (counter)", stats::eventsUnmatched);
        gauge("realtime.frames.delivered", "Event frames handed to connections (counter)", stats::framesDelivered);
        for (RealtimeStats.Drop reason : RealtimeStats.Drop.values()) {
            gauge("realtime.dropped", "Events or frames dropped, by reason (counter)", () -> stats.dropped(reason),
                    Map.of("reason", reason.name().toLowerCase()));
        }
        gauge("realtime.revocations.evicted", "Revocations and role losses forgotten because their project's memory was "
                + "full (counter)", revocations::evicted);
        gauge("realtime.replay.events", "Events held in the replay window for resuming clients", window::heldEvents);
        gauge("realtime.replay.span.seconds", "How far back the replay window reaches", () -> window.spanMillis() / 1000);
        for (Resumption.Outcome outcome : Resumption.Outcome.values()) {
            gauge("realtime.resumptions", "Resume requests, by outcome (counter)", () -> stats.resumptions(outcome.name()),
                    Map.of("outcome", outcome.name().toLowerCase()));
        }
        long[] bounds = LatencyHistogram.boundsMillis();
        for (int i = 0; i <= bounds.length; i++) {
            int bucket = i;
            String le = i < bounds.length ? Long.toString(bounds[i]) : "+Inf";
            gauge("realtime.delivery.latency.ms.bucket", "Publish-to-handoff latency: frames at or below le milliseconds",
                    () -> stats.latency().cumulativeCounts()[bucket], Map.of("le", le));
        }
        gauge("realtime.delivery.latency.ms.count", "Publish-to-handoff latency: frames measured", stats.latency()::count);
        gauge("realtime.delivery.latency.ms.sum", "Publish-to-handoff latency: total milliseconds", stats.latency()::sumMillis);
    }

    @PreDestroy
    void unregister() {
        metrics.forEach(registry -> registry.removeAll("realtime."));
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void followProjects() {
        Map<String, Integer> now = registry.table().connectionsByProject();
        for (String project : now.keySet()) {
            if (!projects.contains(project) && projects.size() >= MAX_PROJECT_SERIES) {
                LOG.log(Level.FINE, "RT-MON-005 no metric series for project {0}: {1} projects have one", new Object[]{project, MAX_PROJECT_SERIES});
                continue;
            }
            if (projects.add(project)) {
                gauge(PROJECT_CONNECTIONS, "Open connections of one project",
                        () -> registry.table().connectionCount(project), Map.of("project", project));
            }
        }
        projects.removeIf(project -> {
            boolean gone = !now.containsKey(project);
            if (gone) {
                metrics.forEach(registry -> registry.remove(PROJECT_CONNECTIONS, Map.of("project", project)));
            }
            return gone;
        });
    }

    private void gauge(String name, String description, Supplier<? extends Number> value) {
        gauge(name, description, value, Map.of());
    }

    private void gauge(String name, String description, Supplier<? extends Number> value, Map<String, String> tags) {
        metrics.forEach(registry -> registry.gauge(name, description, value, tags));
    }
}
