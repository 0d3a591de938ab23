package io.indobase.realtime.subscription;

/**
 * Where the registry hands the frames of one connection. Implementations must not block: the transport queues the
 * frame and sends it asynchronously. A failure is the recipient's own and must not propagate.
 */
public interface Recipient {

    void send(String frame);
}
