package io.indobase.realtime.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The MXBean's life follows the application's: a second start finds no leftover, a stop leaves none. */
class RealtimeMonitorTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private static RealtimeMonitor monitor() {
        RealtimeMonitor monitor = new RealtimeMonitor();
        monitor.registry = new SubscriptionRegistry();
        monitor.stats = new RealtimeStats();
        return monitor;
    }

    @Test
    void registersReplacesALeftoverAndUnregisters() throws Exception {
        ObjectName name = new ObjectName(RealtimeMonitor.OBJECT_NAME);
        RealtimeMonitor leftover = monitor();
        leftover.register();
        RealtimeMonitor redeployed = monitor();
        redeployed.register();
        assertTrue(server.isRegistered(name));
        assertEquals(0, server.getAttribute(name, "OpenConnections"));
        assertEquals(false, server.invoke(name, "disconnect", new Object[]{"nope"}, new String[]{String.class.getName()}));
        redeployed.unregister();
        assertFalse(server.isRegistered(name));
    }
}
