/**
 * Abuse limits: the Origin allow-list, per-address connection rates, per-connection message budgets and size caps,
 * each an MP Config key ({@code realtime.limits.*}, {@code realtime.security.origins}). The transport asks; the
 * classes here decide and never keep unbounded state.
 */
package io.indobase.realtime.limit;
