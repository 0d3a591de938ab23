/**
 * Resume: the node's replay window of recent events, looked up by event id. The subscription registry appends to
 * it under the same lock as its live deliveries and reads it when a connection resumes, so that a resuming
 * connection gets every event after its last one exactly once. Nothing here knows connections or sockets.
 */
package io.indobase.realtime.replay;
