package io.indobase.realtime.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The gauges in the application registry of MicroProfile Metrics ({@code /metrics?scope=application} on Payara). */
@ApplicationScoped
public class MicroProfileGauges implements Gauges {

    @Inject
    MetricRegistry metrics;

    @Override
    public void gauge(String name, String description, Supplier<? extends Number> value, Map<String, String> tags) {
        metrics.gauge(Metadata.builder().withName(name).withDescription(description).build(), value::get, tags(tags));
    }

    @Override
    public void remove(String name, Map<String, String> tags) {
        metrics.remove(new MetricID(name, tags(tags)));
    }

    @Override
    public void removeAll(String prefix) {
        metrics.removeMatching((id, metric) -> id.getName().startsWith(prefix));
    }

    private static Tag[] tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(tag -> new Tag(tag.getKey(), tag.getValue())).toArray(Tag[]::new);
    }
}
