/**
 * Events in: the JSON envelope services publish on the JMS topic, its decoding, and the message-driven bean that
 * turns each message into an {@link io.indobase.realtime.event.EventReceived} CDI event. The MDB is the only JMS
 * boundary of the product; everything after it works on {@link io.indobase.realtime.event.Envelope}.
 */
package io.indobase.realtime.event;
