package io.indobase.realtime.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin accounts of {@code realtime.admin.users}: {@code name:iterations:salt:hash} entries (PBKDF2 with
 * HMAC-SHA256, Base64), separated by commas; {@code none} means nobody. {@code bin/AdminPassword.java} makes an entry.
 * Passwords are never stored or logged in clear.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "indobase Realtime admin") // found on CDI beans only
public class AdminIdentityStore implements IdentityStore {

    @Inject
    @ConfigProperty(name = "realtime.admin.users")
    String users;

    private volatile Map<String, PasswordHash> accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        PasswordHash hash = accounts().get(login.getCaller());
        if (hash == null || !hash.matches(login.getPasswordAsString())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(login.getCaller(), Set.of(AdminApplication.ROLE));
    }

    private Map<String, PasswordHash> accounts() {
        if (accounts == null) {
            accounts = PasswordHash.parseAccounts(users);
        }
        return accounts;
    }
}
