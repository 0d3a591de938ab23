/**
 * Abuse limits: the Origin allow-list, per-address connection and failed-login rates, caps on simultaneous sockets
 * per address and per project, per-connection message budgets and size caps, each an MP Config key
 * ({@code realtime.limits.*}, {@code realtime.security.*}). Addresses are the client's (behind trusted proxies, from
 * {@code X-Forwarded-For}), IPv6 ones by /64. The transport asks; the classes here decide and never keep unbounded state.
 */
package io.indobase.realtime.limit;
