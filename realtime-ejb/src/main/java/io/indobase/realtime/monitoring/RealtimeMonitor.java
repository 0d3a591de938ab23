package io.indobase.realtime.monitoring;

import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers the {@link RealtimeMXBean} with the platform MBean server when the application starts and removes it
 * when it stops, so a redeploy never meets {@code InstanceAlreadyExistsException}.
 */
@Singleton
@Startup
@LocalBean // implementing the MXBean interface must not hide the bean's own view
public class RealtimeMonitor implements RealtimeMXBean {

    public static final String OBJECT_NAME = "io.indobase.realtime:type=Realtime";
    public static final String OPERATOR_REASON = "Disconnected by an operator";
    private static final Logger LOG = Logger.getLogger(RealtimeMonitor.class.getName());

    @Inject
    SubscriptionRegistry registry;

    @Inject
    RealtimeStats stats;

    @Inject
    EventPathProbe probe;

    @Inject
    ApiKeyStore keys;

    private ObjectName name;

    @PostConstruct
    void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // left behind by an instance that did not stop cleanly
            }
            server.registerMBean(new StandardMBean(this, RealtimeMXBean.class, true), name);
        } catch (JMException e) {
            LOG.log(Level.WARNING, "RT-MON-001 could not register " + OBJECT_NAME, e);
        }
    }

    @PreDestroy
    void unregister() {
        try {
            if (name != null && ManagementFactory.getPlatformMBeanServer().isRegistered(name)) {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.log(Level.WARNING, "RT-MON-001 could not unregister " + OBJECT_NAME, e);
        }
    }

    @Override
    public int getOpenConnections() {
        return registry.table().connectionCount();
    }

    @Override
    public long getSubscriptions() {
        return registry.table().subscriptionCount();
    }

    @Override
    public Map<String, Integer> getConnectionsByProject() {
        return new TreeMap<>(registry.table().connectionsByProject());
    }

    @Override
    public long getEventsReceived() {
        return stats.eventsReceived();
    }

    @Override
    public long getEventsDelivered() {
        return stats.eventsDelivered();
    }

    @Override
    public long getEventsUnmatched() {
        return stats.eventsUnmatched();
    }

    @Override
    public long getFramesDelivered() {
        return stats.framesDelivered();
    }

    @Override
    public Map<String, Long> getDropped() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (RealtimeStats.Drop reason : RealtimeStats.Drop.values()) {
            byReason.put(reason.name(), stats.dropped(reason));
        }
        return byReason;
    }

    @Override
    public long getDeliveryLatencyP50Millis() {
        return stats.latency().quantileUpperBoundMillis(0.5);
    }

    @Override
    public long getDeliveryLatencyP99Millis() {
        return stats.latency().quantileUpperBoundMillis(0.99);
    }

    @Override
    public boolean isConsumerConnected() {
        return probe.lastResult();
    }

    @Override
    public boolean disconnect(String connectionId) {
        boolean done = registry.table().disconnect(connectionId, OPERATOR_REASON);
        LOG.log(Level.INFO, "RT-MON-002 operator disconnect of connection {0}: {1}", new Object[]{connectionId, done});
        return done;
    }

    @Override
    public int disconnectUser(String userId) {
        int closed = registry.table().disconnectUser(userId, OPERATOR_REASON);
        LOG.log(Level.INFO, "RT-MON-002 operator disconnect of user {0}: {1} connection(s)", new Object[]{userId, closed});
        return closed;
    }

    @Override
    public int reloadApiKeys() {
        int count = keys.reload();
        LOG.log(Level.INFO, "RT-MON-002 operator reloaded the API keys: {0} accepted", count);
        return count;
    }
}
