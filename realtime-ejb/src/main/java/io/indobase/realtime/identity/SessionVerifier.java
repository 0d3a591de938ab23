package io.indobase.realtime.identity;

import java.util.Optional;

/** Checks a session credential a client presents for a project. Implementations must never log the credential. */
public interface SessionVerifier {

    /** @return the signed-in account, or empty when the session is unknown, expired, revoked or malformed */
    Optional<Account> verify(String project, String session);
}
