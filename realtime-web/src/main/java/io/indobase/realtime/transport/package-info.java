/**
 * The WebSocket transport: the {@code /v1/realtime} endpoint, the handshake's headers and caller, each socket's
 * protocol state ({@code RealtimeSession}), credentials, resume, heartbeat and bounded asynchronous outbox. It meets
 * the core through the subscription registry and never touches JMS; the wire format is in {@code protocol}, the
 * container's internals in {@code tyrus}.
 */
package io.indobase.realtime.transport;
