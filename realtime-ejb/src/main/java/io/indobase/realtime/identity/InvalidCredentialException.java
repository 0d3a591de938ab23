package io.indobase.realtime.identity;

/**
 * A credential was refused. The message says why (expired, bad signature, unknown key…) and never contains the
 * credential itself, so it may be logged and shown to the client.
 */
public class InvalidCredentialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidCredentialException(String reason) {
        super(reason);
    }
}
