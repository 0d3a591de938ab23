/**
 * How each target is subscribed to — our node, nchan, Artemis STOMP — the only part of the harness that differs
 * between them ({@code Peer}). The generators call it; it measures nothing itself.
 */
package io.indobase.realtime.bench.peer;
