package io.indobase.realtime.security;

import jakarta.security.enterprise.CallerPrincipal;
import java.util.List;
import java.util.Set;

/**
 * A caller this application's mechanism authenticated, with the groups it handed the container. The servers keep
 * this principal as the caller (Payara and WildFly alike), so its groups are read from it wherever the container
 * does not expose them: WildFly's Elytron keeps roles, not group principals, in its identity.
 */
public class RealmCaller extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final List<String> groups;

    public RealmCaller(String name, Set<String> groups) {
        super(name);
        this.groups = List.copyOf(groups);
    }

    public List<String> groups() {
        return groups;
    }
}
