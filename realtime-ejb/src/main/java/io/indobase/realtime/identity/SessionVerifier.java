package io.indobase.realtime.identity;

/**
 * Checks a credential a client presents for a project: the {@code jwt} handshake parameter and the {@code session} of
 * the in-band {@code authentication} message both come here. Implementations must never log the credential.
 */
public interface SessionVerifier {

    /** @throws InvalidCredentialException when the credential is unknown, expired, revoked or malformed */
    Account verify(String project, String credential);
}
