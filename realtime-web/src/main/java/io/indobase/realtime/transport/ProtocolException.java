package io.indobase.realtime.transport;

/** A client message the server rejects, with the Appwrite error code to send back in the {@code error} frame. */
public class ProtocolException extends RuntimeException {

    public static final int INVALID_MESSAGE = 1003;
    public static final int POLICY_VIOLATION = 1008;

    private final int code;

    public ProtocolException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Appwrite closes the socket after a policy violation, and only then. */
    public boolean closes() {
        return code == POLICY_VIOLATION;
    }
}
