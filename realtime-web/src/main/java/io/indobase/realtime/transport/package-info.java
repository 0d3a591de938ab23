/**
 * The WebSocket transport: the {@code /v1/realtime} endpoint, client message decoding and validation, and each
 * session's bounded asynchronous outbox. It meets the core through the subscription registry and never touches
 * JMS.
 */
package io.indobase.realtime.transport;
