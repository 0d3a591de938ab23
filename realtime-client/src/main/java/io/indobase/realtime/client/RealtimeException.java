package io.indobase.realtime.client;

/**
 * An {@code error} frame of the server, or a failure of the client: the code is the protocol's (1003 invalid
 * message, 1008 policy, 1013 limit, 401 credentials…, docs/protocol.md), 0 for a client-side failure.
 */
public class RealtimeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public RealtimeException(int code, String message) {
        super(message);
        this.code = code;
    }

    public RealtimeException(String message, Throwable cause) {
        super(message, cause);
        this.code = 0;
    }

    public int code() {
        return code;
    }
}
