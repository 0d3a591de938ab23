package io.indobase.realtime.monitoring;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The gauges in the server's Micrometer registry (WildFly's micrometer subsystem; its Prometheus registry serves them
 * on the management interface). Micrometer's Prometheus naming turns {@code realtime.connections} into
 * {@code realtime_connections}, as MicroProfile Metrics does. Registered with {@code MeterRegistry.gauge}: WildFly
 * 39's per-deployment registry passes that call to the server's registry, while a {@code Gauge.builder(...)
 * .register} stays in the deployment's wrapper and never reaches Prometheus (WFLY-21339, fixed in WildFly 40). That
 * call holds the value's supplier weakly, so this bean keeps each one until the gauge is removed; the descriptions
 * are not carried by it.
 */
@ApplicationScoped
public class MicrometerGauges implements Gauges {

    @Inject
    MeterRegistry meters;

    private final Map<Meter.Id, Supplier<? extends Number>> registered = new ConcurrentHashMap<>();

    @Override
    public void gauge(String name, String description, Supplier<? extends Number> value, Map<String, String> tags) {
        Tags all = tags(tags);
        registered.put(new Meter.Id(name, all, null, description, Meter.Type.GAUGE), value);
        meters.gauge(name, all, value, supplier -> supplier.get().doubleValue());
    }

    @Override
    public void remove(String name, Map<String, String> tags) {
        Meter.Id id = new Meter.Id(name, tags(tags), null, null, Meter.Type.GAUGE);
        registered.remove(id);
        meters.remove(id);
    }

    @Override
    public void removeAll(String prefix) {
        List<Meter.Id> ours = registered.keySet().stream().filter(id -> id.getName().startsWith(prefix)).toList();
        ours.forEach(id -> {
            registered.remove(id);
            meters.remove(id);
        });
    }

    private static Tags tags(Map<String, String> tags) {
        Tags all = Tags.empty();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            all = all.and(tag.getKey(), tag.getValue());
        }
        return all;
    }
}
