package io.indobase.realtime.permission;

import java.util.Set;

/** The read test between the roles a connection holds and the roles that may read an event. */
public final class Access {

    private Access() {
    }

    /** {@code any} reaches everyone, an API key reads everything; otherwise one shared role is enough. */
    public static boolean mayRead(Set<String> connectionRoles, Set<String> readRoles) {
        if (readRoles.contains(Role.ANY) || connectionRoles.contains(Role.EVERY_EVENT)) {
            return true;
        }
        Set<String> smaller = connectionRoles.size() <= readRoles.size() ? connectionRoles : readRoles;
        Set<String> larger = smaller == connectionRoles ? readRoles : connectionRoles;
        for (String role : smaller) {
            if (larger.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
