/**
 * The Java client of indobase Realtime, for server-side consumers and producers: {@link
 * io.indobase.realtime.client.RealtimeClient} keeps one WebSocket, reconnects with jittered backoff and resumes from
 * the last event id, and hands events to listeners through a bounded queue; {@link
 * io.indobase.realtime.client.RealtimePublisher} publishes envelopes over HTTP ingest. Plain Java 17 and JSON-P, no
 * container.
 */
package io.indobase.realtime.client;
