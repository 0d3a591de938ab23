/**
 * Monitoring: the node's counters and latency histogram (cheap enough for the delivery path: no lock, no
 * allocation), and how operators see them — the {@code RealtimeMXBean}, MicroProfile Health checks and MicroProfile
 * Metrics. Every other feature may record into {@link io.indobase.realtime.monitoring.RealtimeStats}.
 */
package io.indobase.realtime.monitoring;
