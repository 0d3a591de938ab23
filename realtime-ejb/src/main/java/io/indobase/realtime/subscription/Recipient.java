package io.indobase.realtime.subscription;

/**
 * Where the registry hands the frames of one connection. Implementations must not block: the transport queues the
 * frame and sends it asynchronously. A failure is the recipient's own and must not propagate.
 */
public interface Recipient {

    void send(String frame);

    /** Ends the connection on the server's initiative: an {@code error} frame with the reason, then close 1008. */
    void disconnect(String reason);
}
