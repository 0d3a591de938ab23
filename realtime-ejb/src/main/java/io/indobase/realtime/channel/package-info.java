/**
 * Channels: the exact-match strings clients subscribe to, and the derivation of the channels each concrete event
 * is published on. Producers send only the concrete event name; this package owns the Appwrite channel catalogue.
 */
package io.indobase.realtime.channel;
