package io.indobase.realtime.subscription;

import io.indobase.realtime.frame.EventFrame;

/**
 * Where the registry hands the frames of one connection. Implementations must not block: the transport queues the
 * frame and sends it asynchronously. A failure is the recipient's own and must not propagate.
 */
public interface Recipient {

    void send(String frame);

    /**
     * An event frame made of the event's shared head and this recipient's {@code tail} (its subscription ids and
     * the closing braces, {@link EventFrame#tail}): a transport that writes bytes can encode the head once for every
     * recipient instead of copying it into a string for each. By default, the whole frame as one string.
     */
    default void send(EventFrame frame, String tail) {
        send(frame.withTail(tail));
    }

    /** Ends the connection on the server's initiative: an {@code error} frame with the reason, then close 1008. */
    void disconnect(String reason);
}
