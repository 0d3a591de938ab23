package io.indobase.realtime.security;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The groups of the authenticated caller: those this application's mechanism gave it ({@link RealmCaller}), or else
 * those in the Subject the container built, whatever other mechanism authenticated it (FORM, OIDC…). GlassFish and
 * Payara put each group in the Subject as a principal of class {@code org.glassfish.security.common.Group}.
 */
public final class CallerGroups {

    private static final Logger LOG = Logger.getLogger(CallerGroups.class.getName());

    private CallerGroups() {
    }

    /** Call on the request's thread (e.g. in {@code modifyHandshake}). */
    public static List<String> current(Principal caller) {
        if (caller instanceof RealmCaller ours) {
            return ours.groups();
        }
        List<String> groups = new ArrayList<>();
        try {
            SecurityContext context = CDI.current().select(SecurityContext.class).get();
            for (Principal principal : context.getPrincipalsByType(Principal.class)) {
                if (principal != caller && principal.getClass().getSimpleName().equals("Group")) {
                    groups.add(principal.getName());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RT-SEC-006 the caller's groups cannot be read; the caller gets no group roles", e);
        }
        return groups;
    }
}
