package io.indobase.realtime.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * On WildFly, the counterpart of {@link RealmIdentityStore}: BASIC credentials are checked against the Elytron
 * security domain of the deployment (config/wildfly.cli maps the application security domain {@code realtime} to
 * the customer's realm: properties, filesystem, LDAP, JDBC…), and the identity's roles become the caller's groups.
 * beans.xml leaves this store out where Elytron is absent (Payara).
 */
@ApplicationScoped
public class ElytronIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ElytronIdentityStore.class.getName());

    @Override
    public CredentialValidationResult validate(Credential credential) {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (!(credential instanceof UsernamePasswordCredential login) || domain == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        // a copy: the evidence is destroyed (zeroed) below, and the credential's own array is the one the other
        // stores read (Password.getValue() hands out its array); zeroing it made the admin store refuse every login
        PasswordGuessEvidence evidence = new PasswordGuessEvidence(login.getPassword().getValue().clone());
        try {
            SecurityIdentity identity = domain.authenticate(login.getCaller(), evidence);
            Set<String> groups = new LinkedHashSet<>();
            identity.getRoles().forEach(groups::add);
            return new CredentialValidationResult(login.getCaller(), groups);
        } catch (RealmUnavailableException e) {
            LOG.log(Level.WARNING, "RT-SEC-030 the Elytron realm cannot be reached; the login is refused", e);
            return CredentialValidationResult.INVALID_RESULT;
        } catch (SecurityException e) {
            return CredentialValidationResult.INVALID_RESULT;
        } finally {
            evidence.destroy();
        }
    }
}
