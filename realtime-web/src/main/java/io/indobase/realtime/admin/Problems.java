package io.indobase.realtime.admin;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem responses. */
final class Problems {

    private static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    static Response notFound(String detail) {
        return Response.status(Response.Status.NOT_FOUND).type(PROBLEM_JSON)
                .entity(Json.createObjectBuilder().add("type", "about:blank").add("title", "Not Found")
                        .add("status", 404).add("detail", detail).build().toString())
                .build();
    }
}
