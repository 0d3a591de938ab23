/**
 * Stats: the node's event and frame counters and its latency histogram, cheap enough for the delivery path (no lock,
 * no allocation). Every feature may record here; this package knows no feature's types, so it sits below them all.
 * Operators read the figures through {@code monitoring}.
 */
package io.indobase.realtime.stats;
