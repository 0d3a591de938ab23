package io.indobase.realtime.presence;

/** A presence message the server refuses, with the code Appwrite puts in the {@code error} frame. */
public class PresenceException extends RuntimeException {

    /** Appwrite's {@code USER_UNAUTHORIZED}. */
    public static final int UNAUTHORIZED = 401;
    /** Appwrite's {@code PRESENCE_ALREADY_EXISTS}. */
    public static final int CONFLICT = 409;
    /** The broker could not take the event: nothing changed. */
    public static final int UNAVAILABLE = 503;

    private final int code;

    public PresenceException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
