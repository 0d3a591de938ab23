package io.indobase.realtime.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The verifier of a deployment that has configured no credential source: every session is refused, so the
 * client stays a guest and gets Appwrite's "Session is not valid." answer.
 */
@ApplicationScoped
public class UnconfiguredSessionVerifier implements SessionVerifier {

    @Override
    public Optional<Account> verify(String project, String session) {
        return Optional.empty();
    }
}
