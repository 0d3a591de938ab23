package io.indobase.realtime.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gauges in the server's Micrometer registry (WildFly's micrometer subsystem; its Prometheus registry serves them
 * on the management interface). Micrometer's Prometheus naming turns {@code realtime.connections} into
 * {@code realtime_connections}, as MicroProfile Metrics does.
 */
@ApplicationScoped
public class MicrometerGauges implements Gauges {

    @Inject
    MeterRegistry meters;

    @Override
    public void gauge(String name, String description, Supplier<? extends Number> value, Map<String, String> tags) {
        Gauge.builder(name, value::get).description(description).tags(tags(tags)).register(meters);
    }

    @Override
    public void remove(String name, Map<String, String> tags) {
        Meter meter = meters.find(name).tags(tags(tags)).gauge();
        if (meter != null) {
            meters.remove(meter);
        }
    }

    @Override
    public void removeAll(String prefix) {
        List<Meter> ours = meters.getMeters().stream().filter(meter -> meter.getId().getName().startsWith(prefix)).toList();
        ours.forEach(meters::remove);
    }

    private static Tags tags(Map<String, String> tags) {
        Tags all = Tags.empty();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            all = all.and(tag.getKey(), tag.getValue());
        }
        return all;
    }
}
