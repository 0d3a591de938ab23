package io.indobase.realtime.http;

import static io.indobase.realtime.json.JsonKit.JSON;

import jakarta.ws.rs.core.Response;

/** RFC 9457 problem responses, the error shape of every HTTP API of this application. */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    public static Response of(Response.StatusType status, String detail) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(JSON.createObjectBuilder().add("type", "about:blank").add("title", status.getReasonPhrase())
                        .add("status", status.getStatusCode()).add("detail", detail).build().toString())
                .build();
    }

    public static Response notFound(String detail) {
        return of(Response.Status.NOT_FOUND, detail);
    }
}
