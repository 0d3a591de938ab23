package io.indobase.realtime.event;

/**
 * The events topic could not take a message: the broker is unreachable, refused it, or this node is stopping. Callers
 * outside the JMS boundary (the HTTP ingest, presence, the health probe) handle this instead of a JMS type.
 */
public class BrokerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
