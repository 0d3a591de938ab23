/**
 * A non-blocking WebSocket client for thousands of connections on one thread ({@code WsEngine}): masked client
 * frames, server frames parsed in place, pings answered, fragments joined. Used by the load generators only; it knows
 * no server and no protocol above WebSocket.
 */
package io.indobase.realtime.bench.client;
