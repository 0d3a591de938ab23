package io.indobase.realtime.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gauges through MeterRegistry.gauge, the call WildFly 39's per-deployment registry passes on. */
class MicrometerGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerGauges gauges = new MicrometerGauges();

    {
        gauges.meters = registry;
    }

    @Test
    void aGaugeReadsItsValueAtEachScrapeAndOutlivesACollection() {
        AtomicInteger connections = new AtomicInteger(3);
        gauges.gauge("realtime.connections", "open connections", connections::get, Map.of("node", "n1"));
        System.gc(); // the registry holds the supplier weakly: the bean must keep it
        connections.set(5);
        assertEquals(5.0, registry.get("realtime.connections").tag("node", "n1").gauge().value());
    }

    @Test
    void gaugesAreRemovedOneByOneOrByPrefix() {
        gauges.gauge("realtime.a", "", () -> 1, Map.of("k", "1"));
        gauges.gauge("realtime.a", "", () -> 2, Map.of("k", "2"));
        gauges.gauge("realtime.b", "", () -> 3, Map.of());
        gauges.gauge("other.c", "", () -> 4, Map.of());
        gauges.remove("realtime.a", Map.of("k", "1"));
        assertNull(registry.find("realtime.a").tag("k", "1").gauge());
        assertEquals(2.0, registry.get("realtime.a").tag("k", "2").gauge().value());
        gauges.removeAll("realtime.");
        assertNull(registry.find("realtime.a").gauge());
        assertNull(registry.find("realtime.b").gauge());
        assertEquals(4.0, registry.get("other.c").gauge().value());
    }
}
