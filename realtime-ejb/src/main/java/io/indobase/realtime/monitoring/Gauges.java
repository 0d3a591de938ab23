package io.indobase.realtime.monitoring;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the node's gauges are published: the server's metrics registry, whichever API it offers (MicroProfile Metrics
 * on Payara, Micrometer on WildFly). {@link RealtimeMetrics} defines the gauges once and writes them to every
 * {@code Gauges} bean the server can satisfy; beans.xml leaves out an adapter whose API the server lacks.
 */
public interface Gauges {

    /** Registers a gauge read when the registry is scraped; {@code tags} may be empty. */
    void gauge(String name, String description, Supplier<? extends Number> value, Map<String, String> tags);

    /** Removes one gauge registered with these tags (nothing when there is none). */
    void remove(String name, Map<String, String> tags);

    /** Removes every gauge whose name starts with {@code prefix}. */
    void removeAll(String prefix);
}
