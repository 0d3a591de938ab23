package io.indobase.realtime.security;

import fish.payara.security.annotations.RealmIdentityStoreDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the application server's security realm named {@value #REALM} an identity store: BASIC credentials on the
 * WebSocket handshake are checked against it, and its groups become roles (docs/security.md). Any realm class works
 * (file, LDAP, JDBC, certificate…); {@code config/*.asadmin} creates a file realm for the demo and the tests.
 */
@ApplicationScoped
@RealmIdentityStoreDefinition(RealmIdentityStore.REALM)
public class RealmIdentityStore {

    public static final String REALM = "realtime";
}
