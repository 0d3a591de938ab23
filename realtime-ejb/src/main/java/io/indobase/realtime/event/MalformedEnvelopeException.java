package io.indobase.realtime.event;

/** A message on the events topic that is not a valid envelope; the message says why. */
public class MalformedEnvelopeException extends RuntimeException {

    public MalformedEnvelopeException(String reason) {
        super(reason);
    }

    public MalformedEnvelopeException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
