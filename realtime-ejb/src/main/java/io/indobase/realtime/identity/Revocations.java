package io.indobase.realtime.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Users and sessions that events revoked (a user blocked or deleted, a session deleted), remembered for
 * {@code realtime.identity.revocation-ttl-ms} so a credential issued before cannot sign a socket in again while it is
 * still valid. Closing the open sockets is the registry's part; this is the memory for the sockets to come. Bounded:
 * beyond {@link #MAX_ENTRIES} the oldest are forgotten first.
 */
@ApplicationScoped
public class Revocations {

    static final int MAX_ENTRIES = 100_000;

    @Inject
    @ConfigProperty(name = "realtime.identity.revocation-ttl-ms")
    long ttlMillis = 86_400_000;

    private final Map<String, Long> until = new LinkedHashMap<>();

    public synchronized void revokeUser(String project, String user) {
        remember(key(project, user, null));
    }

    /** The user was unblocked: credentials issued to them are good again. */
    public synchronized void restoreUser(String project, String user) {
        until.remove(key(project, user, null));
    }

    public synchronized void revokeSession(String project, String user, String session) {
        remember(key(project, user, session));
    }

    /** @param session the credential's session, or null when it names none */
    public synchronized boolean isRevoked(String project, String user, String session) {
        if (user == null) {
            return false;
        }
        long now = System.currentTimeMillis();
        return active(key(project, user, null), now) || session != null && active(key(project, user, session), now);
    }

    private boolean active(String key, long now) {
        Long expires = until.get(key);
        return expires != null && expires > now;
    }

    private void remember(String key) {
        until.remove(key);
        until.put(key, System.currentTimeMillis() + ttlMillis);
        Iterator<Long> oldest = until.values().iterator();
        while (until.size() > MAX_ENTRIES && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private static String key(String project, String user, String session) {
        return project + '\u0000' + user + '\u0000' + (session == null ? "" : session);
    }
}
