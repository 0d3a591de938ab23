package io.indobase.realtime.client;

/**
 * The server refused an envelope, or could not be reached: {@link #status()} is the HTTP status (400 invalid
 * envelope, 401 no or a wrong key, 403 no ingest scope for the project, 413 too large, 503 no broker), 0 when no
 * answer came; the message is the problem's detail.
 */
public class PublishException extends RealtimeException {

    private static final long serialVersionUID = 1L;

    public PublishException(int status, String message) {
        super(status, message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }

    public int status() {
        return code();
    }
}
