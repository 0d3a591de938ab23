/**
 * Presence: the {@code presence} message of Appwrite 1.9 (one presence per user and project, its permissions, the
 * {@code presences.<id>.upsert} and {@code .delete} events through the topic), the cluster's presences as every node
 * keeps them, and their renewal and expiry. The transport calls {@link io.indobase.realtime.presence.Presences} on a
 * {@code presence} message and when a socket closes; the HTTP list reads it.
 */
package io.indobase.realtime.presence;
