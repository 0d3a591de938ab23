package io.indobase.realtime.presence.http;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.identity.ApiKey;
import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.identity.GroupRoles;
import io.indobase.realtime.identity.InvalidCredentialException;
import io.indobase.realtime.identity.Revocations;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.presence.Presences;
import io.indobase.realtime.security.CallerGroups;
import io.indobase.realtime.security.TokenPrincipal;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/realtime/presences?project=P}: the live presences of a project, cluster-wide, that the caller may
 * read, in Appwrite's list shape {@code {"total": n, "presences": [...]}}, oldest first. The project comes from the
 * {@code X-Appwrite-Project} header or the {@code project} parameter, the header winning as on the WebSocket.
 */
@WebServlet("/v1/realtime/presences")
public class PresencesServlet extends HttpServlet {

    private static final Pattern PROJECT_ID = Pattern.compile("^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,35}$");

    @Inject
    transient Presences presences;

    @Inject
    transient ApiKeyStore keys;

    @Inject
    transient GroupRoles roles;

    @Inject
    transient Revocations revocations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String project = request.getHeader("X-Appwrite-Project");
        if (project == null) {
            project = request.getParameter("project");
        }
        if (project == null || !PROJECT_ID.matcher(project).matches()) {
            problem(response, "Missing or invalid project: give ?project=<id> or the X-Appwrite-Project header "
                    + "(up to 36 characters of a-z, A-Z, 0-9, period, hyphen and underscore)");
            return;
        }
        Identity caller;
        try {
            caller = caller(request, project);
        } catch (InvalidCredentialException e) {
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "application/problem+json", JSON.createObjectBuilder()
                    .add("type", "about:blank").add("title", "Unauthorized").add("status", 401)
                    .add("detail", e.getMessage()).build());
            return;
        }
        List<JsonObject> readable = presences.readable(project, caller.roles());
        JsonArrayBuilder list = JSON.createArrayBuilder();
        readable.forEach(list::add);
        write(response, HttpServletResponse.SC_OK, "application/json",
                JSON.createObjectBuilder().add("total", readable.size()).add("presences", list).build());
    }

    /**
     * Who is asking, which decides what they may read: an API key with the {@code subscribe} scope reads every
     * presence of its project; a caller the container authenticated (realm BASIC, bearer token) has its groups mapped
     * to roles, as on the WebSocket, less what events revoked or took away since its credential was issued; anyone
     * else is a guest.
     */
    private Identity caller(HttpServletRequest request, String project) {
        String key = request.getHeader("X-Indobase-Key");
        if (key != null) {
            try {
                return Identity.apiKey(keys.verify(key, ApiKey.SUBSCRIBE, project).name());
            } catch (InvalidCredentialException e) {
                throw new InvalidCredentialException("Invalid API key: " + e.getMessage());
            }
        }
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Identity.GUEST;
        }
        Identity identity = roles.identity(principal.getName(), CallerGroups.current(principal));
        TokenPrincipal token = principal instanceof TokenPrincipal t ? t : null;
        if (revocations.isRevoked(project, identity.userId(), token == null ? null : token.session())) {
            throw new InvalidCredentialException("The session was revoked.");
        }
        return revocations.current(project, identity, token == null ? null : token.issuedAt());
    }

    private static void problem(HttpServletResponse response, String detail) throws IOException {
        write(response, HttpServletResponse.SC_BAD_REQUEST, "application/problem+json", JSON.createObjectBuilder()
                .add("type", "about:blank").add("title", "Bad Request").add("status", 400).add("detail", detail).build());
    }

    private static void write(HttpServletResponse response, int status, String type, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toString());
    }
}
