package io.indobase.realtime.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
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

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        PasswordHash hash = accounts.get(login.getCaller());
        // an unknown name costs the same hashing as a known one, so timing does not tell which names exist
        boolean matches = (hash == null ? PasswordHash.DECOY : hash).matches(login.getPasswordAsString());
        if (hash == null || !matches) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(login.getCaller(), Set.of(AdminApplication.ROLE));
    }
}
