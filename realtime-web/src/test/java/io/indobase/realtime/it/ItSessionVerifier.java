package io.indobase.realtime.it;

import io.indobase.realtime.identity.Account;
import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.permission.Identity;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * Test-only credentials for the ITs that need signed-in clients (presence): the session {@code it-user:<id>} is user
 * {@code <id>}, verified, without teams or labels. Added to the packaged WAR by the IT's deployment, never shipped.
 */
@ApplicationScoped
@Alternative
@Priority(1000)
public class ItSessionVerifier implements SessionVerifier {

    static final String PREFIX = "it-user:";

    @Override
    public Optional<Account> verify(String project, String session) {
        if (!session.startsWith(PREFIX) || session.length() == PREFIX.length()) {
            return Optional.empty();
        }
        String userId = session.substring(PREFIX.length());
        return Optional.of(new Account(Identity.user(userId, true, List.of(), List.of()),
                Json.createObjectBuilder().add("$id", userId).add("name", userId).build()));
    }
}
