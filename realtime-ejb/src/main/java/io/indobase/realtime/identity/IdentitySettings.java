package io.indobase.realtime.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The group-to-role mapping of this deployment, from {@code realtime.identity.*}; {@code none} switches a rule off. */
@ApplicationScoped
public class IdentitySettings {

    @Inject
    @ConfigProperty(name = "realtime.identity.team-prefix")
    String teamPrefix;

    @Inject
    @ConfigProperty(name = "realtime.identity.team-role-separator")
    String roleSeparator;

    @Inject
    @ConfigProperty(name = "realtime.identity.label-prefix")
    String labelPrefix;

    @Inject
    @ConfigProperty(name = "realtime.identity.verified-group")
    String verifiedGroup;

    @Produces
    GroupRoles groupRoles() {
        return new GroupRoles(off(teamPrefix), roleSeparator, off(labelPrefix), off(verifiedGroup));
    }

    /** {@code none} switches a rule off (MicroProfile Config treats an empty value as no value). */
    private static String off(String value) {
        return "none".equals(value) ? "" : value;
    }
}
