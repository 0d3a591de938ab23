/**
 * Monitoring: how operators see the node — the {@code RealtimeMXBean}, MicroProfile Health checks, MicroProfile
 * Metrics and the event-path probe behind readiness. It reads every feature's state (and {@code stats}' counters);
 * no feature depends on it.
 */
package io.indobase.realtime.monitoring;
