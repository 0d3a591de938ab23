package io.indobase.realtime.presence.http;

import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.presence.Presences;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        List<JsonObject> readable = presences.readable(project, caller(request).roles());
        JsonArrayBuilder list = Json.createArrayBuilder();
        readable.forEach(list::add);
        write(response, HttpServletResponse.SC_OK, "application/json",
                Json.createObjectBuilder().add("total", readable.size()).add("presences", list).build());
    }

    /**
     * Who is asking, which decides what they may read. Today every caller is a guest (holding {@code guests}):
     * the deployment's credential sources replace this one method.
     */
    protected Identity caller(HttpServletRequest request) {
        return Identity.GUEST;
    }

    private static void problem(HttpServletResponse response, String detail) throws IOException {
        write(response, HttpServletResponse.SC_BAD_REQUEST, "application/problem+json", Json.createObjectBuilder()
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
