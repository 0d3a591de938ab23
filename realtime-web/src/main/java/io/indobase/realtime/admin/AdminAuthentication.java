package io.indobase.realtime.admin;

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

/**
 * HTTP BASIC for the admin API and page only. Unlike the built-in BASIC mechanism it ignores credentials sent to
 * unprotected resources (the WebSocket endpoint, the demo page), so a password hash is computed only where a login
 * is needed.
 */
@ApplicationScoped
public class AdminAuthentication implements HttpAuthenticationMechanism {

    private static final String CHALLENGE = "Basic realm=\"indobase Realtime admin\"";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        UsernamePasswordCredential credential = basicCredential(request.getHeader("Authorization"));
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return context.responseUnauthorized();
    }

    /** @return the credential of an {@code Authorization: Basic} header, or null when there is none or it is malformed */
    static UsernamePasswordCredential basicCredential(String header) {
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
