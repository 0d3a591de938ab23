package io.indobase.realtime.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin accounts of {@code realtime.admin.users}: {@code name:iterations:salt:hash} entries (PBKDF2 with
 * HMAC-SHA256, Base64), separated by commas; {@code none} means nobody. {@code bin/AdminPassword.java} makes an entry.
 * Passwords are never stored or logged in clear.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());

    @Inject
    @ConfigProperty(name = "realtime.admin.users")
    String users;

    private Map<String, PasswordHash> accounts = Map.of();

    /** A bad entry is reported when the application starts, not at the first login; it then admits nobody. */
    @PostConstruct
    void load() {
        try {
            accounts = PasswordHash.parseAccounts(users);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.SEVERE, "RT-ADM-002 realtime.admin.users is not valid, the admin API admits nobody: {0}",
                    e.getMessage());
        }
    }

    @Inject
    HttpServletRequest request;

    /**
     * Only logins to the admin API and page are checked here: a BASIC login on the WebSocket handshake is the realm's
     * business, and must not cost a PBKDF2 hash (nor find an admin account).
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login) || accounts.isEmpty() || !onAdminPath()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        PasswordHash hash = accounts.get(login.getCaller());
        // an unknown name costs the same hashing as a known one, so timing does not tell which names exist
        boolean matches = (hash == null ? PasswordHash.DECOY : hash).matches(login.getPasswordAsString());
        if (hash == null || !matches) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(login.getCaller(), Set.of(ConnectionsResource.ROLE));
    }

    private boolean onAdminPath() {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/v1/realtime/admin/") || path.equals("/v1/realtime/admin") || path.startsWith("/admin");
    }
}
