package io.indobase.realtime.security;

import io.indobase.realtime.identity.InvalidCredentialException;
import io.indobase.realtime.identity.Jwt;
import io.indobase.realtime.identity.JwtSessionVerifier;
import io.indobase.realtime.limit.Limits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's authentication mechanism. Protected resources (the admin API and page) need HTTP BASIC, checked
 * against the identity stores (the admin accounts, then the realm); a bearer token there is refused unread (ADR 0005).
 * On the WebSocket handshake ({@code /v1/realtime}) and the presence list credentials are optional: BASIC is checked
 * against the server's realm ({@link RealmLogin}; on WildFly {@link ElytronIdentityStore}), a bearer token as
 * MicroProfile JWT; a caller without credentials is a guest, and wrong credentials get 401 before any upgrade.
 * Elsewhere credentials are ignored, so a password hash is computed only where a login is needed. Failed logins are
 * counted per client address ({@link Limits}).
 */
@ApplicationScoped
public class CallerAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(CallerAuthentication.class.getName());
    private static final String CHALLENGE = "Basic realm=\"indobase Realtime\"";
    /** Where credentials are optional: the WebSocket handshake and the presence list. */
    private static final Set<String> OPTIONAL = Set.of("/v1/realtime", "/v1/realtime/presences");

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    RealmLogin realm;

    @Inject
    JwtSessionVerifier tokens;

    @Inject
    Limits limits;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        boolean admin = context.isProtected();
        if (!admin && (authorization == null
                || !OPTIONAL.contains(request.getRequestURI().substring(request.getContextPath().length())))) {
            return context.doNothing();
        }
        String address = limits.clientAddress(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
        if (authorization != null && limits.loginsExhausted(address)) {
            // before any hash is computed or any directory asked: failed logins are the expensive part
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            return AuthenticationStatus.SEND_FAILURE;
        }
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (admin && bearer) {
            // the admin API and page take BASIC only: a token's groups never make its holder an operator
            response.setHeader("WWW-Authenticate", CHALLENGE);
            return context.responseUnauthorized();
        }
        AuthenticationStatus status = bearer
                ? bearer(authorization.substring(7).trim(), response, context)
                : basic(authorization, admin, response, context);
        if (status == AuthenticationStatus.SEND_FAILURE && authorization != null) {
            limits.loginFailed(address);
        }
        return status;
    }

    private AuthenticationStatus basic(String authorization, boolean admin, HttpServletResponse response,
                                       HttpMessageContext context) {
        UsernamePasswordCredential credential = basicCredential(authorization);
        if (credential != null) {
            CredentialValidationResult result = admin ? identityStores.validate(credential) : realm.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                // our own principal: it carries the groups on servers that keep roles instead (RealmCaller)
                return context.notifyContainerAboutLogin(
                        new RealmCaller(result.getCallerPrincipal().getName(), result.getCallerGroups()), result.getCallerGroups());
            }
        }
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return context.responseUnauthorized();
    }

    private AuthenticationStatus bearer(String token, HttpServletResponse response, HttpMessageContext context) {
        try {
            Jwt jwt = tokens.token(token);
            Set<String> groups = new HashSet<>(jwt.groups());
            TokenPrincipal caller = new TokenPrincipal(jwt.caller(), groups, jwt.expiresAt(), jwt.sessionId(), jwt.issuedAt());
            return context.notifyContainerAboutLogin(caller, groups);
        } catch (InvalidCredentialException e) {
            LOG.log(Level.FINE, "RT-SEC-005 bearer token refused on the handshake: {0}", e.getMessage());
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return context.responseUnauthorized();
        }
    }

    /** @return the credential of an {@code Authorization: Basic} header, or null when there is none or it is malformed */
    public static UsernamePasswordCredential basicCredential(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
