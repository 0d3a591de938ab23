package io.indobase.realtime.security;

import io.indobase.realtime.security.payara.RealmStoreLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.security.Principal;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;

/**
 * BASIC logins of WebSocket callers against the server's realm {@value RealmIdentityStore#REALM}, whatever groups the
 * caller has, none included. Payara's realm identity store (what {@link RealmIdentityStore} installs) refuses a
 * caller whose realm login succeeded with no group at all, so a realm user in no group could never sign in; this
 * uses that store's own login step ({@link RealmStoreLogin}) and takes the Subject's groups as they are. Where the
 * step cannot be found, {@code RT-SEC-012} says so at the first login and the identity stores decide, as before:
 * users in no group are refused, nobody else is affected.
 */
@ApplicationScoped
public class RealmLogin {

    private static final Logger LOG = Logger.getLogger(RealmLogin.class.getName());

    @Inject
    BeanManager beans;

    @Inject
    IdentityStoreHandler identityStores;

    private volatile RealmStoreLogin realm;
    private volatile boolean resolved;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        RealmStoreLogin login = realm();
        if (login == null) {
            return identityStores.validate(credential);
        }
        Subject subject;
        try {
            subject = login.login(credential, RealmIdentityStore.REALM);
        } catch (SecurityException refused) {
            return CredentialValidationResult.INVALID_RESULT;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RT-SEC-013 the realm could not check a login: {0}", e.getMessage());
            return CredentialValidationResult.INVALID_RESULT;
        }
        Set<String> groups = new HashSet<>();
        for (Principal principal : subject.getPrincipals()) {
            if (principal.getClass().getSimpleName().equals("Group")) {
                groups.add(principal.getName());
            }
        }
        return new CredentialValidationResult(new CallerPrincipal(credential.getCaller()), groups);
    }

    private RealmStoreLogin realm() {
        if (!resolved) {
            synchronized (this) {
                if (!resolved) {
                    realm = RealmStoreLogin.find(beans);
                    if (realm == null) {
                        LOG.warning("RT-SEC-012 no Payara realm identity store with a login step this application "
                                + "can use: BASIC logins go to the identity stores (on Payara, realm users in no group "
                                + "cannot sign in; on WildFly, the Elytron store takes them)");
                    }
                    resolved = true;
                }
            }
        }
        return realm;
    }
}
