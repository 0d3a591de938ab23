package io.indobase.realtime.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The API keys of {@code realtime.keys}, read when the application starts and again on {@link #reload()} (the JMX
 * operation {@code reloadApiKeys}), so an operator can add or revoke a key without a restart. A bad configuration is
 * logged and keeps the keys that were loaded before (none at start).
 */
@ApplicationScoped
public class ApiKeyStore {

    static final String KEY = "realtime.keys";
    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class.getName());

    private volatile ApiKeys keys = ApiKeys.NONE;

    @PostConstruct
    void load() {
        reload();
    }

    /** @return the number of keys now accepted */
    public int reload() {
        String config = ConfigProvider.getConfig(getClass().getClassLoader()).getOptionalValue(KEY, String.class)
                .orElse("none");
        try {
            keys = ApiKeys.parse(config);
            LOG.log(Level.INFO, "RT-SEC-003 {0} API keys loaded", keys.size());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.SEVERE, "RT-SEC-004 " + KEY + " is not valid, keeping the {0} keys loaded before: {1}",
                    new Object[] {keys.size(), e.getMessage()});
        }
        return keys.size();
    }

    /** @throws InvalidCredentialException when the key is malformed, unknown or its secret is wrong */
    public ApiKey verify(String presented) {
        return keys.verify(presented);
    }

    /** @throws InvalidCredentialException when the key is unknown, wrong, or lacks the scope for the project */
    public ApiKey verify(String presented, String scope, String project) {
        ApiKey key = keys.verify(presented);
        if (!key.allows(scope, project)) {
            throw new InvalidCredentialException("API key " + key.name() + " has no " + scope + " scope for project "
                    + project);
        }
        return key;
    }
}
