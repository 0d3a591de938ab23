/**
 * Subscriptions: the registry of this node's connections and their subscriptions, indexed by project and
 * channel, and the fan-out that picks the recipients of each event. The transport opens, subscribes and closes
 * connections; the event observer calls {@code deliver}.
 */
package io.indobase.realtime.subscription;
