package io.indobase.realtime.transport.protocol;

/** A client message the server rejects, with the Appwrite error code to send back in the {@code error} frame. */
public class ProtocolException extends RuntimeException {

    public static final int INVALID_MESSAGE = 1003;
    public static final int POLICY_VIOLATION = 1008;
    public static final int TRY_AGAIN_LATER = 1013;
    /** Appwrite's code for a credential it refuses while the socket opens (USER_JWT_INVALID). */
    public static final int UNAUTHORIZED = 401;

    private final int code;
    private final int closeCode;

    /** Appwrite closes the socket after a policy violation, and only then. */
    public ProtocolException(int code, String message) {
        this(code, message, code == POLICY_VIOLATION ? POLICY_VIOLATION : 0);
    }

    /** @param closeCode the close frame's code after the error frame; 0 keeps the socket open */
    public ProtocolException(int code, String message, int closeCode) {
        super(message);
        this.code = code;
        this.closeCode = closeCode;
    }

    public int code() {
        return code;
    }

    public int closeCode() {
        return closeCode;
    }

    public boolean closes() {
        return closeCode != 0;
    }
}
